/** notification-service's request/reply subjects (queue group `notification-service`). */
export const NotificationSubjects = {
  getPreferences: 'notification.preferences.get',
  setPreferences: 'notification.preferences.set',
  listInbox: 'notification.inbox.list',
  readInbox: 'notification.inbox.read',
} as const;

/**
 * A stored in-app notification is also published, as plain NATS (at most once, no queue group),
 * on its user's realtime subject; every gateway instance subscribes to the wildcard and pushes it
 * to that user's sockets as the Socket.IO event `notification`.
 */
export const notificationRealtimeSubject = (userId: string): string => `rt.user.${userId}.notification`;

/** What a gateway subscribes to for every user's notifications. */
export const NOTIFICATION_REALTIME_WILDCARD = 'rt.user.*.notification';

/**
 * Notifications marked read (one by the user, or a chat room's on reading the room) are announced,
 * as plain NATS like new ones, on the user's `…notifications_read` subject; the gateways push it to
 * the user's sockets as `notification:read` so every open bell drops its count at once.
 */
export const notificationsReadRealtimeSubject = (userId: string): string =>
  `rt.user.${userId}.notifications_read`;

export const NOTIFICATIONS_READ_REALTIME_WILDCARD = 'rt.user.*.notifications_read';
