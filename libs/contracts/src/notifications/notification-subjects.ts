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
