import type { FilterQuery } from 'mongoose';
import type { Notification } from './notification.schema';

/** A user's inbox: their in-app notifications (email and SMS records are not in it). */
export const inboxOf = (userId: string): FilterQuery<Notification> => ({ userId, channel: 'inApp' });

/** What the bell counts: the inbox's notifications not marked read. */
export const unreadInboxOf = (userId: string): FilterQuery<Notification> => ({
  ...inboxOf(userId),
  readAt: { $exists: false },
});
