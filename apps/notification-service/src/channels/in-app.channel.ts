import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { notificationRealtimeSubject } from '@arogyam/contracts';
import { Clock } from '../clock/clock';
import type { ComposedMessage } from '../messages/composed-message';
import { isDuplicateKey } from '@arogyam/contracts';
import { notificationId } from '../notifications/notification-ids';
import { Notification } from '../notifications/notification.schema';
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
    @InjectModel(Notification.name) private readonly notifications: Model<Notification>,
    private readonly realtime: RealtimePush,
    private readonly clock: Clock,
  ) {}

  async deliver(notice: Notice, message: ComposedMessage): Promise<void> {
    const { userId } = notice.recipient;
    const notification: Notification = {
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
    try {
      await this.notifications.create(notification);
    } catch (error) {
      if (isDuplicateKey(error)) return;
      throw error;
    }
    this.realtime.publish(notificationRealtimeSubject(userId), toNotificationView(notification));
  }
}
