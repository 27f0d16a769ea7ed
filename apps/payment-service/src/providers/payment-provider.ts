import type { Currency, PaymentCheckoutView, PaymentProviderName } from '@arogyam/contracts';

export interface ProviderOrder {
  providerOrderId: string;
  /** What the SPA needs to open this provider's checkout. */
  checkout: PaymentCheckoutView;
}

/** A verified webhook, reduced to what payment-service acts on. */
export interface ProviderWebhookEvent {
  /** The provider's id of this delivery's event (the same on a redelivery). */
  eventId: string;
  kind: 'paid' | 'failed' | 'ignored';
  providerOrderId?: string;
  providerPaymentId?: string;
  failureReason?: string;
}

/**
 * One payment provider. Amounts are integer minor units (paise). `verifyWebhook` throws a
 * DomainError (401 for a bad signature, 400 for a malformed body) and never trusts an unsigned body.
 */
export interface PaymentProvider {
  readonly name: PaymentProviderName;
  createOrder(amount: number, currency: Currency, receipt: string): Promise<ProviderOrder>;
  verifyWebhook(rawBody: Buffer, headers: Record<string, string>): ProviderWebhookEvent;
  /** Refunds `amount` of the payment; answers the provider's refund id. */
  refund(providerPaymentId: string, amount: number): Promise<string>;
}

/** The Nest token of the provider this instance runs (chosen from config at start-up). */
export const PAYMENT_PROVIDER = Symbol('PAYMENT_PROVIDER');
