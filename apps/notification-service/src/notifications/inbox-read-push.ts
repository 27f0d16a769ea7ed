import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { notificationsReadRealtimeSubject, type NotificationsReadView } from '@arogyam/contracts';
import { RealtimePush } from '../channels/realtime-push';
import { unreadInboxOf } from './inbox-filters';
import { Notification } from './notification.schema';

/**
 * Tells the user's open apps which notifications were just marked read and how many stay unread,
 * so every bell drops at once. A missed push is mended by the next inbox read (the apps reload it
 * on reconnect).
 */
@Injectable()
export class InboxReadPush {
  constructor(
    @InjectModel(Notification.name) private readonly notifications: Model<Notification>,
    private readonly realtime: RealtimePush,
  ) {}

  async announce(userId: string, ids: string[], readAt: Date): Promise<void> {
    const unreadCount = await this.notifications.countDocuments(unreadInboxOf(userId)).exec();
    const view: NotificationsReadView = { ids, readAt: readAt.toISOString(), unreadCount };
    this.realtime.publish(notificationsReadRealtimeSubject(userId), view);
  }
}
