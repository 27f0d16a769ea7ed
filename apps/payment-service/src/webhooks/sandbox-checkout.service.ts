import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  requireRole,
  type Actor,
  type PaymentView,
  type SandboxOutcome,
} from '@arogyam/contracts';
import { PaymentTransitions } from '../payments/payment-transitions';
import { toPaymentView } from '../payments/payment-views';
import { PAYMENT_PROVIDER, type PaymentProvider } from '../providers/payment-provider';
import { SandboxProvider } from '../providers/sandbox-provider';
import { PaymentWebhooksService } from './payment-webhooks.service';

/**
 * The sandbox's stand-in for a provider's hosted checkout: the patient says how it ends, and the
 * payment moves on by a signed sandbox webhook through the same path as a real one. Only while the
 * sandbox provider runs: with Razorpay there is no such thing (404), so no one can mark a payment
 * paid without paying.
 */
@Injectable()
export class SandboxCheckoutService {
  constructor(
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    private readonly webhooks: PaymentWebhooksService,
    private readonly transitions: PaymentTransitions,
  ) {}

  async complete(actor: Actor, paymentId: string, outcome: SandboxOutcome): Promise<PaymentView> {
    if (!(this.provider instanceof SandboxProvider)) {
      throw DomainError.notFound('There is no sandbox checkout: payments go through the real provider.');
    }
    requireRole(actor, 'patient');
    const payment = await this.transitions.current(paymentId).catch(() => undefined);
    if (!payment || payment.patientId !== actor.userId) throw DomainError.notFound('Payment not found.');
    if (payment.status !== 'created') return toPaymentView(payment);
    const { rawBody, headers } = this.provider.signedWebhook({
      id: `sandbox_evt_${randomUUID()}`,
      event: outcome === 'paid' ? 'payment.captured' : 'payment.failed',
      orderId: payment.providerOrderId,
      paymentId: `sandbox_pay_${randomUUID()}`,
      ...(outcome === 'failed' ? { error: 'Declined in the sandbox checkout.' } : {}),
    });
    await this.webhooks.receive(this.provider.name, rawBody, headers);
    return toPaymentView(await this.transitions.current(paymentId));
  }
}
