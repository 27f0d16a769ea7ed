import type { NotificationChannel } from '@arogyam/contracts';

/** The idempotency key of one notification: what it came from, to whom, on which channel. */
export const notificationId = (sourceId: string, userId: string, channel: NotificationChannel): string =>
  `${sourceId}:${userId}:${channel}`;
