import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import {
  DomainError,
  type Actor,
  type ListNotificationsQueryDto,
  type NotificationInboxPage,
  type NotificationView,
} from '@arogyam/contracts';
import { pageWindow } from '@arogyam/persistence';
import { Clock } from '../clock/clock';
import { Notification } from './notification.schema';
import { toNotificationView } from './notification-views';

/** A user's in-app notifications: listed newest first, marked read one by one. */
@Injectable()
export class InboxService {
  constructor(
    @InjectModel(Notification.name) private readonly notifications: Model<Notification>,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, query: ListNotificationsQueryDto = {}): Promise<NotificationInboxPage> {
    const window = pageWindow(query);
    const inbox: FilterQuery<Notification> = { userId: actor.userId, channel: 'inApp' };
    const unread: FilterQuery<Notification> = { ...inbox, readAt: { $exists: false } };
    const filter = query.unreadOnly ? unread : inbox;
    const [items, total, unreadCount] = await Promise.all([
      this.notifications
        .find(filter)
        .sort({ createdAt: -1, _id: 1 })
        .skip(window.skip)
        .limit(window.limit)
        .lean<Notification[]>()
        .exec(),
      this.notifications.countDocuments(filter).exec(),
      query.unreadOnly ? undefined : this.notifications.countDocuments(unread).exec(),
    ]);
    return {
      items: items.map(toNotificationView),
      total,
      unreadCount: unreadCount ?? total,
      page: window.page,
      limit: window.limit,
    };
  }

  /** Marks the caller's own notification read (once: a second call keeps the first time). */
  async markRead(actor: Actor, notificationId: string): Promise<NotificationView> {
    const own = { _id: notificationId, userId: actor.userId, channel: 'inApp' };
    await this.notifications
      .updateOne({ ...own, readAt: { $exists: false } }, { $set: { readAt: this.clock.now() } })
      .exec();
    const notification = await this.notifications.findOne(own).lean<Notification>().exec();
    if (!notification) throw DomainError.notFound('Notification not found.');
    return toNotificationView(notification);
  }
}
