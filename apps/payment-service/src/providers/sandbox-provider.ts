import { randomUUID } from 'node:crypto';
import { DomainError, type Currency } from '@arogyam/contracts';
import type { PaymentProvider, ProviderOrder, ProviderWebhookEvent } from './payment-provider';
import { parseWebhookJson, requireValidSignature, webhookSignature } from './webhook-signature';

export const SANDBOX_SIGNATURE_HEADER = 'x-sandbox-signature';

/** What a sandbox webhook says; the shape is ours, the signing is Razorpay's. */
export interface SandboxWebhookBody {
  id: string;
  event: 'payment.captured' | 'payment.failed';
  orderId: string;
  paymentId: string;
  error?: string;
}

/**
 * The provider for development and tests: no network, orders exist only here, refunds always
 * succeed. A checkout is completed by a webhook signed like Razorpay's (hex HMAC-SHA256 of the
 * raw body, with PAYMENT_SANDBOX_SECRET), so every payment still passes the webhook path.
 */
export class SandboxProvider implements PaymentProvider {
  readonly name = 'sandbox' as const;

  constructor(private readonly secret: string) {}

  createOrder(amount: number, currency: Currency): Promise<ProviderOrder> {
    const orderId = `sandbox_order_${randomUUID()}`;
    return Promise.resolve({
      providerOrderId: orderId,
      checkout: { provider: this.name, orderId, amount: { amount, currency } },
    });
  }

  verifyWebhook(rawBody: Buffer, headers: Record<string, string>): ProviderWebhookEvent {
    requireValidSignature(rawBody, headers[SANDBOX_SIGNATURE_HEADER], this.secret);
    const body = parseWebhookJson(rawBody) as Partial<SandboxWebhookBody>;
    if (
      typeof body.id !== 'string' ||
      typeof body.orderId !== 'string' ||
      typeof body.paymentId !== 'string'
    ) {
      throw DomainError.badRequest('A sandbox webhook needs id, event, orderId and paymentId.');
    }
    const kind =
      body.event === 'payment.captured' ? 'paid' : body.event === 'payment.failed' ? 'failed' : 'ignored';
    return {
      eventId: body.id,
      kind,
      providerOrderId: body.orderId,
      providerPaymentId: body.paymentId,
      ...(body.error ? { failureReason: body.error } : {}),
    };
  }

  refund(): Promise<string> {
    return Promise.resolve(`sandbox_refund_${randomUUID()}`);
  }

  /** A signed webhook for a sandbox checkout's end: the body and the headers it travels with. */
  signedWebhook(body: SandboxWebhookBody): { rawBody: Buffer; headers: Record<string, string> } {
    const rawBody = Buffer.from(JSON.stringify(body));
    return { rawBody, headers: { [SANDBOX_SIGNATURE_HEADER]: webhookSignature(rawBody, this.secret) } };
  }
}
