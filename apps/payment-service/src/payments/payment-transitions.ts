import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, isDuplicateKey, PaymentEventTypes, type PaymentStatus } from '@arogyam/contracts';
import { createEvent } from '@arogyam/messaging';
import { InjectOutboxRelay, OutboxRelay } from '@arogyam/persistence';
import { Payment, type StoredPayment } from './payment.schema';
import { PaymentRepository } from './payment.repository';
import { PaymentTransitionRepository, refundClaimId, transitionId } from './payment-transition.repository';
import { toPaymentEventPayload } from './payment-views';

/** The moves a webhook makes; each is made once. Refunds, which may be several, are RefundsService's. */
const FROM = {
  paid: 'created',
  failed: 'created',
} as const satisfies Partial<Record<PaymentStatus, PaymentStatus>>;

const EVENT_OF = {
  paid: PaymentEventTypes.succeeded,
  failed: PaymentEventTypes.failed,
} as const;

export type PaymentMove = keyof typeof FROM;

export interface PaymentChange {
  to: PaymentMove;
  set: Partial<StoredPayment>;
}

export interface Claim {
  /** The claim's own id: `<paymentId>:<status it leaves>`, or `<paymentId>:refund:<n>`. */
  id: string;
  paymentId: string;
  to: PaymentStatus;
  eventId: string;
  /** Who took it: a webhook's event, or a refund's request key. */
  cause: string;
  claimedAt: Date;
  /** False when another delivery or instance claimed this move first. */
  won: boolean;
}

/**
 * Status changes of payments, each claimed by a unique insert (`<paymentId>:<status it leaves>`,
 * so `paid` and `failed` cannot both leave `created`) before it
 * is written with its event in one update. A repeat (a redelivered webhook)
 * loses the claim and changes nothing once the first has written; if the first died between its
 * claim and its write, the repeat writes the change with the claim's event id, so the event is the
 * same one either way (JetStream drops a duplicate Nats-Msg-Id, consumers key on the id).
 */
@Injectable()
export class PaymentTransitions {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly claims: PaymentTransitionRepository,
    @InjectOutboxRelay(Payment.name) private readonly relay: OutboxRelay<Payment>,
  ) {}

  /** Claims and writes a change that needs nothing outside this database (a webhook's). */
  async apply(
    payment: StoredPayment,
    change: PaymentChange,
    cause: string,
  ): Promise<{ payment: StoredPayment; applied: boolean }> {
    if (payment.status !== FROM[change.to]) return { payment, applied: false };
    const claim = await this.claim(payment._id, change.to, cause);
    const written = await this.complete(payment, claim, change);
    return {
      payment: written ?? (await this.current(payment._id)),
      applied: claim.won && written !== undefined,
    };
  }

  claim(paymentId: string, to: PaymentMove, cause: string): Promise<Claim> {
    return this.take(transitionId(paymentId, FROM[to]), paymentId, to, cause);
  }

  /** Claims the payment's refund number `sequence` (0 for the first): of two racing refunds, one asks the provider. */
  claimRefund(paymentId: string, sequence: number, cause: string): Promise<Claim> {
    return this.take(refundClaimId(paymentId, sequence), paymentId, 'refunded', cause);
  }

  /** Gives a claim up (its change could not be made), so a later attempt may claim again. */
  async release(claim: Claim): Promise<void> {
    await this.claims.release(claim.id, claim.eventId);
  }

  private async take(id: string, paymentId: string, to: PaymentStatus, cause: string): Promise<Claim> {
    const fresh = { _id: id, paymentId, to, eventId: randomUUID(), cause, claimedAt: new Date() };
    try {
      await this.claims.insert(fresh);
      return { id, paymentId, to, eventId: fresh.eventId, cause, claimedAt: fresh.claimedAt, won: true };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const held = await this.claims.findById(id);
    if (!held)
      throw DomainError.conflict('The payment was changed meanwhile; try again.', 'changed_concurrently');
    return {
      id,
      paymentId,
      to: held.to,
      eventId: held.eventId,
      cause: held.cause,
      claimedAt: new Date(held.claimedAt),
      won: false,
    };
  }

  /**
   * Writes a claimed change and its event, if the payment is still where the change starts;
   * answers the payment after it, or undefined when it had moved already.
   */
  async complete(
    payment: StoredPayment,
    claim: Claim,
    change: PaymentChange,
  ): Promise<StoredPayment | undefined> {
    // The payment left this status another way (paid, where this webhook said failed).
    if (claim.to !== change.to) return undefined;
    const from: PaymentStatus = FROM[change.to];
    const next: StoredPayment = { ...payment, ...change.set, status: change.to };
    if (change.to === 'failed') delete next.activeAppointmentKey;
    const event = { ...createEvent(EVENT_OF[change.to], toPaymentEventPayload(next)), id: claim.eventId };
    const moved = await this.payments.move(
      payment._id,
      from,
      { to: change.to, set: change.set, releaseAppointment: change.to === 'failed' },
      event,
    );
    if (!moved) return undefined;
    void this.relay.flush(payment._id);
    return next;
  }

  async current(paymentId: string): Promise<StoredPayment> {
    const payment = await this.payments.findById(paymentId);
    if (!payment) throw DomainError.notFound('Payment not found.');
    return payment;
  }
}
