import type { QueueEntry } from '@arogyam/ui';

type Badge = { label: string; kind: 'paid' | 'refunded' | 'unpaid' };

const BADGES: Record<NonNullable<QueueEntry['paymentStatus']>, Badge> = {
  paid: { label: 'Paid', kind: 'paid' },
  // Part of the fee given back by an admin: the consultation is still paid for.
  partially_refunded: { label: 'Paid, part refunded', kind: 'paid' },
  refunded: { label: 'Refunded', kind: 'refunded' },
  created: { label: 'Unpaid', kind: 'unpaid' },
  failed: { label: 'Unpaid', kind: 'unpaid' },
  unpaid: { label: 'Unpaid', kind: 'unpaid' },
};

/** Paid, unpaid or refunded beside a patient in the queue; nothing while payments are unknown. */
export function PaymentBadge({ status }: { status: QueueEntry['paymentStatus'] }) {
  if (!status) return null;
  const { label, kind } = BADGES[status];
  return <span className={`badge badge-payment-${kind}`}>{label}</span>;
}
