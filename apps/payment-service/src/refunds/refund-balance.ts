import type { StoredPayment, StoredRefund } from '../payments/payment.schema';

/** The payment's refunds, oldest first (none on a payment stored before refunds were a list). */
export const refundsOf = (payment: StoredPayment): StoredRefund[] => payment.refunds ?? [];

/** What has been given back, in minor units; a payment refunded before partial refunds gave back all. */
export const refundedOf = (payment: StoredPayment): number =>
  payment.refundedAmount ?? (payment.status === 'refunded' ? payment.amount.amount : 0);

/** What may still be refunded, in minor units. */
export const leftToRefund = (payment: StoredPayment): number => payment.amount.amount - refundedOf(payment);
