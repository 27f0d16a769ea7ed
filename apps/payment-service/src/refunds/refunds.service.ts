import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  PaymentEventTypes,
  REFUNDABLE_PAYMENT_STATUSES,
  type PaymentView,
  type RefundKind,
} from '@arogyam/contracts';
import { createEvent } from '@arogyam/messaging';
import { InjectOutboxRelay, OutboxRelay } from '@arogyam/persistence';
import { Payment, type StoredPayment } from '../payments/payment.schema';
import { PaymentRepository } from '../payments/payment.repository';
import { PaymentTransitions, type Claim } from '../payments/payment-transitions';
import { toPaymentEventPayload, toPaymentView } from '../payments/payment-views';
import { PAYMENT_PROVIDER, type PaymentProvider } from '../providers/payment-provider';
import { leftToRefund, refundedOf, refundsOf } from './refund-balance';

/** A refund claim this old whose refund is not written lost its process before the provider answered. */
const STALE_CLAIM_MS = 120_000;

/** One refund asked for. */
export interface RefundRequest {
  /** Minor units; all that is left when absent. */
  amount?: number;
  kind: RefundKind;
  reason: string;
  refundedBy?: string;
  /** Who asked and their idempotency key: a refund with this key already written is answered again. */
  requestKey: string;
}

const rupees = (paise: number): string => `₹${(paise / 100).toFixed(2)}`;

/**
 * Refunds of paid payments, whole or in parts, until all of it is given back. Refund number n of
 * a payment is claimed (`<id>:refund:<n>`) before the provider is asked, so of concurrent refunds
 * (a cancellation event redelivered, an admin at the same moment) one asks the provider; a
 * provider failure gives the claim back. A request whose key is among the refunds is answered with
 * the payment as it is, so a retried request never refunds twice.
 */
@Injectable()
export class RefundsService {
  constructor(
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    private readonly transitions: PaymentTransitions,
    private readonly payments: PaymentRepository,
    @InjectOutboxRelay(Payment.name) private readonly relay: OutboxRelay<Payment>,
  ) {}

  async refund(payment: StoredPayment, request: RefundRequest): Promise<PaymentView> {
    if (refundsOf(payment).some((refund) => refund.requestKey === request.requestKey)) {
      return toPaymentView(payment);
    }
    if (!REFUNDABLE_PAYMENT_STATUSES.includes(payment.status)) {
      throw DomainError.conflict(
        payment.status === 'refunded'
          ? 'This payment has been refunded in full already.'
          : `Only a paid payment can be refunded; this one is ${payment.status}.`,
        'not_refundable',
      );
    }
    const left = leftToRefund(payment);
    const amount = request.amount ?? left;
    if (amount > left) {
      throw DomainError.unprocessable(
        `At most ${rupees(left)} of this payment is left to refund.`,
        'refund_exceeds_balance',
      );
    }
    const sequence = refundsOf(payment).length;
    const claim = await this.transitions.claimRefund(payment._id, sequence, request.requestKey);
    if (!claim.won) return this.afterLostClaim(payment, claim, request);

    let refundId: string;
    try {
      refundId = await this.provider.refund(payment.providerPaymentId ?? payment.providerOrderId, amount);
    } catch (error) {
      await this.transitions.release(claim);
      throw error;
    }
    const refund = {
      id: refundId,
      amount: { amount, currency: payment.amount.currency },
      kind: request.kind,
      reason: request.reason,
      ...(request.refundedBy ? { refundedBy: request.refundedBy } : {}),
      requestKey: request.requestKey,
      refundedAt: new Date(),
    };
    const refundedBefore = refundedOf(payment);
    const status = amount === left ? 'refunded' : 'partially_refunded';
    const next: StoredPayment = {
      ...payment,
      status,
      refundedAmount: refundedBefore + amount,
      refunds: [...refundsOf(payment), refund],
    };
    const event = {
      ...createEvent(PaymentEventTypes.refunded, toPaymentEventPayload(next)),
      id: claim.eventId,
    };
    const written = await this.payments.addRefund(payment._id, { refund, refundedBefore, status }, event);
    if (!written) return toPaymentView(await this.transitions.current(payment._id));
    void this.relay.flush(payment._id);
    return toPaymentView(next);
  }

  /** Another request holds this refund number: it finished (try on the new balance), is under way, or died. */
  private async afterLostClaim(
    payment: StoredPayment,
    claim: Claim,
    request: RefundRequest,
  ): Promise<PaymentView> {
    const current = await this.transitions.current(payment._id);
    if (refundsOf(current).length > refundsOf(payment).length) return this.refund(current, request);
    if (Date.now() - claim.claimedAt.getTime() < STALE_CLAIM_MS) {
      throw DomainError.conflict(
        'A refund of this payment is under way; try again shortly.',
        'refund_in_progress',
      );
    }
    await this.transitions.release(claim);
    return this.refund(current, request);
  }
}
