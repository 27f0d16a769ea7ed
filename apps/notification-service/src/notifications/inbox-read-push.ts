import { Injectable } from '@nestjs/common';
import { notificationsReadRealtimeSubject, type NotificationsReadView } from '@arogyam/contracts';
import { RealtimePush } from '../channels/realtime-push';
import { NotificationRepository } from './notification.repository';

/**
 * Tells the user's open apps which notifications were just marked read and how many stay unread,
 * so every bell drops at once. A missed push is mended by the next inbox read (the apps reload it
 * on reconnect).
 */
@Injectable()
export class InboxReadPush {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly realtime: RealtimePush,
  ) {}

  async announce(userId: string, ids: string[], readAt: Date): Promise<void> {
    const unreadCount = await this.notifications.unreadCountOf(userId);
    const view: NotificationsReadView = { ids, readAt: readAt.toISOString(), unreadCount };
    this.realtime.publish(notificationsReadRealtimeSubject(userId), view);
  }
}
