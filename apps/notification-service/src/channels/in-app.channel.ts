import { Injectable } from '@nestjs/common';
import { notificationRealtimeSubject } from '@arogyam/contracts';
import { Clock } from '../clock/clock';
import type { ComposedMessage } from '../messages/composed-message';
import { notificationId } from '../notifications/notification-ids';
import { NotificationRepository, type NewNotification } from '../notifications/notification.repository';
import { toNotificationView } from '../notifications/notification-views';
import type { Notice } from './notice';
import { RealtimePush } from './realtime-push';

/**
 * The inbox: always on. The insert is the delivery (a repeat finds the `_id` taken and does
 * nothing); once stored, the notification is published as plain NATS on the user's realtime
 * subject for the gateways to push. That push is at most once: a missed one is still in the inbox.
 */
@Injectable()
export class InAppChannel {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly realtime: RealtimePush,
    private readonly clock: Clock,
  ) {}

  async deliver(notice: Notice, message: ComposedMessage): Promise<void> {
    const { userId } = notice.recipient;
    const notification: NewNotification = {
      _id: notificationId(notice.sourceId, userId, 'inApp'),
      userId,
      channel: 'inApp',
      kind: notice.kind,
      sourceId: notice.sourceId,
      title: message.title,
      body: message.body,
      data: notice.data,
      status: 'stored',
      createdAt: this.clock.now(),
    };
    if (!(await this.notifications.storeOnce(notification))) return;
    this.realtime.publish(notificationRealtimeSubject(userId), toNotificationView(notification));
  }
}
