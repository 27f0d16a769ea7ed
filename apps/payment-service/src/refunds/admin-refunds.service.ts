import { Injectable } from '@nestjs/common';
import {
  DomainError,
  requireRole,
  type Actor,
  type PaymentView,
  type RefundPaymentDto,
} from '@arogyam/contracts';
import { PaymentTransitions } from '../payments/payment-transitions';
import { RefundsService } from './refunds.service';

/** An admin's refund by hand: all that is left or a part, whatever the cancellation policy would say. */
@Injectable()
export class AdminRefundsService {
  constructor(
    private readonly transitions: PaymentTransitions,
    private readonly refunds: RefundsService,
  ) {}

  async refund(
    actor: Actor,
    paymentId: string,
    body: RefundPaymentDto,
    idempotencyKey: string,
  ): Promise<PaymentView> {
    requireRole(actor, 'admin');
    const payment = await this.transitions.current(paymentId);
    if (body.amount && body.amount.currency !== payment.amount.currency) {
      throw DomainError.unprocessable(`This payment is in ${payment.amount.currency}; refund it in that.`);
    }
    return this.refunds.refund(payment, {
      ...(body.amount ? { amount: body.amount.amount } : {}),
      kind: 'admin',
      reason: body.reason,
      refundedBy: actor.userId,
      // Keyed by admin, so one admin's key never answers another's request.
      requestKey: `admin:${actor.userId}:${idempotencyKey}`,
    });
  }
}
