import type { NotificationView } from '@arogyam/contracts';
import type { Notification } from './notification.schema';

export const toNotificationView = (
  notification: Pick<Notification, '_id' | 'kind' | 'title' | 'body' | 'data' | 'readAt' | 'createdAt'>,
): NotificationView => ({
  id: notification._id,
  kind: notification.kind,
  title: notification.title,
  body: notification.body,
  data: { ...notification.data },
  read: Boolean(notification.readAt),
  ...(notification.readAt ? { readAt: new Date(notification.readAt).toISOString() } : {}),
  createdAt: new Date(notification.createdAt).toISOString(),
});
