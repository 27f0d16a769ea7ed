import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  DomainError,
  type Actor,
  type ChatReadView,
  type ListNotificationsQueryDto,
  type NotificationInboxPage,
  type NotificationView,
} from '@arogyam/contracts';
import { pageWindow } from '@arogyam/persistence';
import { Clock } from '../clock/clock';
import { inboxOf, unreadInboxOf } from './inbox-filters';
import { InboxReadPush } from './inbox-read-push';
import { Notification } from './notification.schema';
import { toNotificationView } from './notification-views';

/**
 * A user's in-app notifications: listed newest first, marked read one by one, and a chat room's
 * all at once when its member reads the room. Every mark is announced to the user's open apps.
 */
@Injectable()
export class InboxService {
  constructor(
    @InjectModel(Notification.name) private readonly notifications: Model<Notification>,
    private readonly readPush: InboxReadPush,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, query: ListNotificationsQueryDto = {}): Promise<NotificationInboxPage> {
    const window = pageWindow(query);
    const unread = unreadInboxOf(actor.userId);
    const filter = query.unreadOnly ? unread : inboxOf(actor.userId);
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
    const own = { ...inboxOf(actor.userId), _id: notificationId };
    const readAt = this.clock.now();
    const { modifiedCount } = await this.notifications
      .updateOne({ ...own, readAt: { $exists: false } }, { $set: { readAt } })
      .exec();
    const notification = await this.notifications.findOne(own).lean<Notification>().exec();
    if (!notification) throw DomainError.notFound('Notification not found.');
    if (modifiedCount > 0) await this.readPush.announce(actor.userId, [notificationId], readAt);
    return toNotificationView(notification);
  }

  /**
   * The reader's unread chat notifications of the room, up to the message they read, marked read
   * at the time they read it. A repeated read finds nothing unread and announces nothing.
   */
  async markChatRoomRead(read: ChatReadView): Promise<void> {
    const unread = await this.notifications
      .find({ ...unreadInboxOf(read.userId), kind: 'chat', 'data.roomId': read.roomId }, { data: 1 })
      .lean<Pick<Notification, '_id' | 'data'>[]>()
      .exec();
    const ids = unread
      .filter((notification) => (notification.data.messageId ?? '') <= read.messageId)
      .map((notification) => notification._id);
    if (ids.length === 0) return;
    const readAt = new Date(read.at);
    await this.notifications
      .updateMany({ _id: { $in: ids }, readAt: { $exists: false } }, { $set: { readAt } })
      .exec();
    await this.readPush.announce(read.userId, ids, readAt);
  }
}
