import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type PaymentView, type RefundReason } from '@arogyam/contracts';
import type { StoredPayment } from '../payments/payment.schema';
import { PaymentTransitions } from '../payments/payment-transitions';
import { toPaymentView } from '../payments/payment-views';
import { PAYMENT_PROVIDER, type PaymentProvider } from '../providers/payment-provider';

/** A refund claim this old whose payment is still paid lost its process before the provider answered. */
const STALE_CLAIM_MS = 120_000;

/**
 * Full refunds of paid payments. The claim on `paid` is taken before the provider is asked, so of
 * concurrent refunds (a cancellation event redelivered, an admin at the same moment) one asks the
 * provider; a provider failure gives the claim back for the next attempt.
 */
@Injectable()
export class RefundsService {
  constructor(
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    private readonly transitions: PaymentTransitions,
  ) {}

  async refundInFull(payment: StoredPayment, reason: RefundReason, cause: string): Promise<PaymentView> {
    if (payment.status === 'refunded') return toPaymentView(payment);
    if (payment.status !== 'paid') {
      throw DomainError.conflict(`Only a paid payment can be refunded; this one is ${payment.status}.`);
    }
    const claim = await this.transitions.claim(payment._id, 'refunded', cause);
    if (!claim.won) {
      const current = await this.transitions.current(payment._id);
      if (current.status === 'refunded') return toPaymentView(current);
      if (Date.now() - claim.claimedAt.getTime() < STALE_CLAIM_MS) {
        throw DomainError.conflict('A refund of this payment is under way; try again shortly.');
      }
      await this.transitions.release(claim);
      return this.refundInFull(current, reason, cause);
    }
    let refundId: string;
    try {
      refundId = await this.provider.refund(
        payment.providerPaymentId ?? payment.providerOrderId,
        payment.amount.amount,
      );
    } catch (error) {
      await this.transitions.release(claim);
      throw error;
    }
    const refund = {
      id: refundId,
      amount: { amount: payment.amount.amount, currency: payment.amount.currency },
      reason,
      refundedAt: new Date(),
    };
    const refunded = await this.transitions.complete(payment, claim, { to: 'refunded', set: { refund } });
    return toPaymentView(refunded ?? (await this.transitions.current(payment._id)));
  }
}
