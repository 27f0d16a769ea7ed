import { Injectable } from '@nestjs/common';
import { requireRole, type Actor, type PaymentView } from '@arogyam/contracts';
import { PaymentTransitions } from '../payments/payment-transitions';
import { RefundsService } from './refunds.service';

/** An admin's refund by hand: in full, whatever the cancellation policy would say. */
@Injectable()
export class AdminRefundsService {
  constructor(
    private readonly transitions: PaymentTransitions,
    private readonly refunds: RefundsService,
  ) {}

  async refund(actor: Actor, paymentId: string): Promise<PaymentView> {
    requireRole(actor, 'admin');
    const payment = await this.transitions.current(paymentId);
    return this.refunds.refundInFull(payment, 'admin', `admin:${actor.userId}`);
  }
}
