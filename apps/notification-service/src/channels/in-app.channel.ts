import { Injectable } from '@nestjs/common';
import { notificationRealtimeSubject } from '@arogyam/contracts';
import type { ComposedMessage } from '../messages/composed-message';
import { notificationId } from '../notifications/notification-ids';
import type { NewNotification } from '../notifications/notification.repository';
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
 * nothing); an event's entries are stored in the same write as its email and SMS records
 * (NotificationDispatcher). Once stored, each is published as plain NATS on its user's realtime
 * subject for the gateways to push. That push is at most once: a missed one is still in the inbox.
 */
@Injectable()
export class InAppChannel {
  constructor(private readonly realtime: RealtimePush) {}

  /** The inbox entries of the notices, to be stored. */
  entriesOf(composed: ComposedNotice[], createdAt: Date): NewNotification[] {
    return composed.map(({ notice, message }): NewNotification => ({
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
  }

  /** Pushes the entries this delivery stored (`stored`: their ids); a repeat's entries were pushed before. */
  announce(entries: NewNotification[], stored: Set<string>): void {
    for (const entry of entries) {
      if (stored.has(entry._id))
        this.realtime.publish(notificationRealtimeSubject(entry.userId), toNotificationView(entry));
    }
  }
}
