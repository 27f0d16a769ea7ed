import type { EventEnvelope } from './event-envelope';
import type { PaymentView } from '../payments/payment-views';

/** Facts of a payment's life; each carries the payment as it stands after the change. */
export const PaymentEventTypes = {
  succeeded: 'payment.succeeded',
  failed: 'payment.failed',
  refunded: 'payment.refunded',
} as const;

export type PaymentEventType = (typeof PaymentEventTypes)[keyof typeof PaymentEventTypes];

/** The payment without its checkout data (only the SPA needs that). */
export type PaymentEventPayload = Omit<PaymentView, 'checkout'>;

export type PaymentSucceededEvent = EventEnvelope<typeof PaymentEventTypes.succeeded, PaymentEventPayload>;
export type PaymentFailedEvent = EventEnvelope<typeof PaymentEventTypes.failed, PaymentEventPayload>;
export type PaymentRefundedEvent = EventEnvelope<typeof PaymentEventTypes.refunded, PaymentEventPayload>;
