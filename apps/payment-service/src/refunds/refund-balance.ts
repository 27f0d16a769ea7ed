import type { StoredPayment, StoredRefund } from '../payments/payment.schema';

/** How a refund was stored before refunds were a list: one, in full, its kind named `reason`. */
interface LegacyRefund {
  id: string;
  amount: StoredRefund['amount'];
  reason: StoredRefund['kind'];
  refundedAt: Date;
}

/**
 * The payment's refunds, oldest first. A payment refunded before refunds were a list kept its one
 * refund in `refund`: read as a list of one, so its patient still sees it (and its receipt).
 */
export const refundsOf = (payment: StoredPayment): StoredRefund[] => {
  if (payment.refunds) return payment.refunds;
  const legacy = (payment as StoredPayment & { refund?: LegacyRefund }).refund;
  if (!legacy) return [];
  return [
    {
      id: legacy.id,
      amount: legacy.amount,
      kind: legacy.reason,
      reason: legacy.reason === 'admin' ? 'Refunded by an admin' : 'The appointment was cancelled',
      requestKey: `legacy:${legacy.id}`,
      refundedAt: legacy.refundedAt,
    },
  ];
};

/** What has been given back, in minor units; a payment refunded before partial refunds gave back all. */
export const refundedOf = (payment: StoredPayment): number =>
  payment.refundedAmount ?? (payment.status === 'refunded' ? payment.amount.amount : 0);

/** What may still be refunded, in minor units. */
export const leftToRefund = (payment: StoredPayment): number => payment.amount.amount - refundedOf(payment);
