import type { Money } from '../common/money';

/** `partially_refunded`: paid, and some (not all) of it given back; `refunded`: all of it given back. */
export const PAYMENT_STATUSES = ['created', 'paid', 'partially_refunded', 'refunded', 'failed'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const PAYMENT_PROVIDERS = ['sandbox', 'razorpay'] as const;
export type PaymentProviderName = (typeof PAYMENT_PROVIDERS)[number];

/**
 * What the SPA needs to open the provider's checkout for this payment. Razorpay's checkout.js
 * takes the public key id and the order id; the sandbox needs only the order.
 */
export interface PaymentCheckoutView {
  provider: PaymentProviderName;
  orderId: string;
  amount: Money;
  /** Razorpay only: the public key id checkout.js is opened with. */
  keyId?: string;
}

/** The statuses a payment can be refunded from (until all of it is given back). */
export const REFUNDABLE_PAYMENT_STATUSES: readonly PaymentStatus[] = ['paid', 'partially_refunded'];

/** What started a refund: the cancellation policy, or an admin by hand. */
export const REFUND_KINDS = ['appointment_cancelled', 'admin'] as const;
export type RefundKind = (typeof REFUND_KINDS)[number];

/** One refund of (part of) a payment. */
export interface PaymentRefundView {
  /** The provider's refund id. */
  id: string;
  amount: Money;
  kind: RefundKind;
  /** Why: the admin's words, or the cancellation policy's. */
  reason: string;
  /** The admin who refunded by hand. */
  refundedBy?: string;
  refundedAt: string;
}

/** One payment for one appointment; `checkout` only while it is `created` (unpaid). */
export interface PaymentView {
  id: string;
  appointmentId: string;
  patientId: string;
  doctorId: string;
  amount: Money;
  status: PaymentStatus;
  provider: PaymentProviderName;
  checkout?: PaymentCheckoutView;
  paidAt?: string;
  failureReason?: string;
  /** What has been given back so far (zero until a refund); at most `amount`. */
  refundedAmount: Money;
  /** Each refund, oldest first. */
  refunds: PaymentRefundView[];
  createdAt: string;
}

/** `payment.receipt.pdf`: the PDF travels base64-encoded inside the JSON reply. */
export interface PaymentReceiptPdf {
  filename: string;
  contentBase64: string;
}

/**
 * `payment.payment.status_of_appointments`: each asked-for appointment's latest payment status;
 * an appointment without a payment is left out (unpaid).
 */
export interface AppointmentPaymentStatusesView {
  statuses: Record<string, PaymentStatus>;
}

/** `payment.provider.get`. */
export interface PaymentProviderView {
  provider: PaymentProviderName;
}

/** `payment.webhook.receive`: what the gateway answers the provider with. */
export interface PaymentWebhookReceipt {
  received: true;
  /** False when the event was a repeat or of a kind the service does not act on. */
  applied: boolean;
}
