import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError, type PaymentWebhookReceipt } from '@arogyam/contracts';
import { PaymentRepository } from '../payments/payment.repository';
import { PaymentTransitions } from '../payments/payment-transitions';
import { PAYMENT_PROVIDER, type PaymentProvider } from '../providers/payment-provider';

/**
 * A provider's webhook: verified against the raw body, then applied once. The claim on the
 * payment's move (PaymentTransitions) makes a redelivery, or a second event for the same fact
 * (Razorpay's `order.paid` after `payment.captured`), change nothing.
 */
@Injectable()
export class PaymentWebhooksService {
  private readonly logger = new Logger(PaymentWebhooksService.name);

  constructor(
    private readonly payments: PaymentRepository,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    private readonly transitions: PaymentTransitions,
  ) {}

  async receive(
    providerName: string,
    rawBody: Buffer,
    headers: Record<string, string>,
  ): Promise<PaymentWebhookReceipt> {
    if (providerName !== this.provider.name) {
      throw DomainError.notFound(
        `No ${providerName} webhooks here: this service runs the ${this.provider.name} provider.`,
      );
    }
    const event = this.provider.verifyWebhook(rawBody, headers);
    if (event.kind === 'ignored' || !event.providerOrderId) return { received: true, applied: false };
    const payment = await this.payments.findByProviderOrder(event.providerOrderId);
    if (!payment) {
      // Acked all the same: a provider retries what is not, and retrying will not create it.
      this.logger.warn(
        `Webhook ${event.eventId} names order ${event.providerOrderId}, which has no payment here`,
      );
      return { received: true, applied: false };
    }
    const cause = `${this.provider.name}:${event.eventId}`;
    const { applied } =
      event.kind === 'paid'
        ? await this.transitions.apply(
            payment,
            {
              to: 'paid',
              set: {
                paidAt: new Date(),
                ...(event.providerPaymentId ? { providerPaymentId: event.providerPaymentId } : {}),
              },
            },
            cause,
          )
        : await this.transitions.apply(
            payment,
            { to: 'failed', set: { failureReason: event.failureReason ?? 'The payment failed.' } },
            cause,
          );
    return { received: true, applied };
  }
}
