import { Injectable } from '@nestjs/common';
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
import { InboxReadPush } from './inbox-read-push';
import { NotificationRepository } from './notification.repository';
import { toNotificationView } from './notification-views';

/**
 * A user's in-app notifications: listed newest first, marked read one by one, and a chat room's
 * all at once when its member reads the room. Every mark is announced to the user's open apps.
 */
@Injectable()
export class InboxService {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly readPush: InboxReadPush,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, query: ListNotificationsQueryDto = {}): Promise<NotificationInboxPage> {
    const window = pageWindow(query);
    const unreadOnly = Boolean(query.unreadOnly);
    const [page, unreadCount] = await Promise.all([
      this.notifications.pageOfInbox(actor.userId, unreadOnly, window),
      unreadOnly ? undefined : this.notifications.unreadCountOf(actor.userId),
    ]);
    return {
      items: page.documents.map(toNotificationView),
      total: page.total,
      unreadCount: unreadCount ?? page.total,
      page: window.page,
      limit: window.limit,
    };
  }

  /** Marks the caller's own notification read (once: a second call keeps the first time). */
  async markRead(actor: Actor, notificationId: string): Promise<NotificationView> {
    const readAt = this.clock.now();
    const marked = await this.notifications.markReadOwn(actor.userId, notificationId, readAt);
    if (marked) {
      await this.readPush.announce(actor.userId, [notificationId], readAt);
      return toNotificationView(marked);
    }
    const notification = await this.notifications.findOwn(actor.userId, notificationId);
    if (!notification) throw DomainError.notFound('Notification not found.');
    return toNotificationView(notification);
  }

  /**
   * The reader's unread chat notifications of the room, up to the message they read, marked read
   * at the time they read it. A repeated read finds nothing unread and announces nothing.
   */
  async markChatRoomRead(read: ChatReadView): Promise<void> {
    const unread = await this.notifications.unreadChatOfRoom(read.userId, read.roomId);
    const ids = unread
      .filter((notification) => (notification.data.messageId ?? '') <= read.messageId)
      .map((notification) => notification._id);
    if (ids.length === 0) return;
    const readAt = new Date(read.at);
    await this.notifications.markRead(ids, readAt, this.clock.now());
    await this.readPush.announce(read.userId, ids, readAt);
  }
}
