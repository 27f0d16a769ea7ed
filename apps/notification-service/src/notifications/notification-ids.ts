import type { NotificationChannel } from '@arogyam/contracts';

/** The idempotency key of one notification: what it came from, to whom, on which channel. */
export const notificationId = (sourceId: string, userId: string, channel: NotificationChannel): string =>
  `${sourceId}:${userId}:${channel}`;

const DUPLICATE_KEY = 11000;

/** A unique index refused the insert: someone (this event's earlier delivery) got there first. */
export const isDuplicateKey = (error: unknown): boolean =>
  (error as { code?: number } | null)?.code === DUPLICATE_KEY;
