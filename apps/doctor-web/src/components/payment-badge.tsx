import type { QueueEntry } from '@arogyam/ui';

const LABELS: Record<NonNullable<QueueEntry['paymentStatus']>, string> = {
  paid: 'Paid',
  refunded: 'Refunded',
  created: 'Unpaid',
  failed: 'Unpaid',
  unpaid: 'Unpaid',
};

/** Paid, unpaid or refunded beside a patient in the queue; nothing while payments are unknown. */
export function PaymentBadge({ status }: { status: QueueEntry['paymentStatus'] }) {
  if (!status) return null;
  const label = LABELS[status];
  return <span className={`badge badge-payment-${label.toLowerCase()}`}>{label}</span>;
}
