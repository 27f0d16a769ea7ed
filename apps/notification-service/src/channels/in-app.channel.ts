import { Injectable } from '@nestjs/common';
import { notificationRealtimeSubject } from '@arogyam/contracts';
import { Clock } from '../clock/clock';
import type { ComposedMessage } from '../messages/composed-message';
import { notificationId } from '../notifications/notification-ids';
import { NotificationRepository, type NewNotification } from '../notifications/notification.repository';
import { toNotificationView } from '../notifications/notification-views';
import type { Notice } from './notice';
import { RealtimePush } from './realtime-push';

/** A notice with the words it goes out with. */
export interface ComposedNotice {
  notice: Notice;
  message: ComposedMessage;
}

/**
 * The inbox: always on. The insert is the delivery (a repeat finds the `_id` taken and does
 * nothing); an event's notices are stored in one write. Once stored, each is published as plain
 * NATS on its user's realtime subject for the gateways to push. That push is at most once: a
 * missed one is still in the inbox.
 */
@Injectable()
export class InAppChannel {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly realtime: RealtimePush,
    private readonly clock: Clock,
  ) {}

  async deliverAll(composed: ComposedNotice[]): Promise<void> {
    const createdAt = this.clock.now();
    const notifications = composed.map(({ notice, message }): NewNotification => ({
      _id: notificationId(notice.sourceId, notice.recipient.userId, 'inApp'),
      userId: notice.recipient.userId,
      channel: 'inApp',
      kind: notice.kind,
      sourceId: notice.sourceId,
      title: message.title,
      body: message.body,
      data: notice.data,
      status: 'stored',
      createdAt,
    }));
    const stored = await this.notifications.storeEachOnce(notifications);
    for (const notification of notifications) {
      if (stored.has(notification._id))
        this.realtime.publish(
          notificationRealtimeSubject(notification.userId),
          toNotificationView(notification),
        );
    }
  }
}
