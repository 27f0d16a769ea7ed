import { DomainError, type Currency } from '@arogyam/contracts';
import type { PaymentProvider, ProviderOrder, ProviderWebhookEvent } from './payment-provider';
import { parseWebhookJson, requireValidSignature } from './webhook-signature';

export interface RazorpayCredentials {
  keyId: string;
  keySecret: string;
  webhookSecret: string;
  /** `https://api.razorpay.com/v1` */
  apiUrl: string;
}

interface RazorpayPaymentEntity {
  id?: string;
  order_id?: string;
  error_description?: string | null;
}

/** The events this service acts on; `order.paid` comes with `payment.captured` and is the same fact. */
const PAID_EVENTS = new Set(['payment.captured', 'order.paid']);

/**
 * Razorpay over its documented REST API (no SDK): orders (`POST /orders`), refunds
 * (`POST /payments/:id/refund`), HTTP Basic auth with the key id and secret. Webhooks are signed
 * with the webhook secret: `X-Razorpay-Signature` is the hex HMAC-SHA256 of the raw body, and
 * `X-Razorpay-Event-Id` names the event (the same on every redelivery).
 */
export class RazorpayProvider implements PaymentProvider {
  readonly name = 'razorpay' as const;

  constructor(private readonly credentials: RazorpayCredentials) {}

  async createOrder(amount: number, currency: Currency, receipt: string): Promise<ProviderOrder> {
    const order = await this.post<{ id: string }>('/orders', { amount, currency, receipt });
    return {
      providerOrderId: order.id,
      checkout: {
        provider: this.name,
        orderId: order.id,
        amount: { amount, currency },
        keyId: this.credentials.keyId,
      },
    };
  }

  verifyWebhook(rawBody: Buffer, headers: Record<string, string>): ProviderWebhookEvent {
    requireValidSignature(rawBody, headers['x-razorpay-signature'], this.credentials.webhookSecret);
    const body = parseWebhookJson(rawBody);
    const eventId = headers['x-razorpay-event-id'];
    if (!eventId || typeof body.event !== 'string') {
      throw DomainError.badRequest('A Razorpay webhook needs its X-Razorpay-Event-Id header and an event.');
    }
    const payload = (body.payload ?? {}) as { payment?: { entity?: RazorpayPaymentEntity } };
    const payment = payload.payment?.entity ?? {};
    const kind = PAID_EVENTS.has(body.event)
      ? 'paid'
      : body.event === 'payment.failed'
        ? 'failed'
        : 'ignored';
    return {
      eventId,
      kind,
      ...(payment.order_id ? { providerOrderId: payment.order_id } : {}),
      ...(payment.id ? { providerPaymentId: payment.id } : {}),
      ...(payment.error_description ? { failureReason: payment.error_description } : {}),
    };
  }

  async refund(providerPaymentId: string, amount: number): Promise<string> {
    const refund = await this.post<{ id: string }>(
      `/payments/${encodeURIComponent(providerPaymentId)}/refund`,
      { amount },
    );
    return refund.id;
  }

  /** Razorpay's errors become 502 with its description: the provider failed, not the caller. */
  private async post<T>(path: string, body: object): Promise<T> {
    const { keyId, keySecret, apiUrl } = this.credentials;
    let response: Response;
    try {
      response = await fetch(`${apiUrl}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${keyId}:${keySecret}`).toString('base64')}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new DomainError(502, `Razorpay did not answer: ${(error as Error).message}`);
    }
    const answer = (await response.json().catch(() => ({}))) as T & { error?: { description?: string } };
    if (!response.ok) {
      throw new DomainError(502, `Razorpay refused: ${answer.error?.description ?? response.statusText}`);
    }
    return answer;
  }
}
