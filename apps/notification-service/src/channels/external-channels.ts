import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../clock/clock';
import type { ComposedMessage } from '../messages/composed-message';
import { doctorName } from '../messages/names';
import { notificationId } from '../notifications/notification-ids';
import { NotificationRepository } from '../notifications/notification.repository';
import type { Contact } from '../recipients/recipient';
import { DeliveryError } from './delivery-error';
import { EmailSender } from './email/email-sender';
import type { Notice } from './notice';
import { SmsProvider } from './sms/sms-provider';

export type ExternalChannel = 'email' | 'sms';

/**
 * Email and SMS, each sent at most once per notice and user: the notification record is inserted
 * (status `sending`) before the provider is called, so a redelivered event or a second instance
 * finds it taken. A transient failure deletes the record again and throws, so the event (or the
 * reminder) is retried; a permanent refusal is kept as `failed`. A crash between the insert and the
 * provider's answer leaves a `sending` record and no retry: for a message a person reads, one lost
 * beats one doubled.
 */
@Injectable()
export class ExternalChannels {
  private readonly logger = new Logger(ExternalChannels.name);

  constructor(
    private readonly notifications: NotificationRepository,
    private readonly email: EmailSender,
    private readonly sms: SmsProvider,
    private readonly clock: Clock,
  ) {}

  async deliver(
    channel: ExternalChannel,
    notice: Notice,
    message: ComposedMessage,
    contact: Contact,
  ): Promise<void> {
    const { userId } = notice.recipient;
    const to = channel === 'email' ? contact.email : contact.phone;
    if (!to) {
      this.logger.debug(`No ${channel} address for user ${userId}; ${notice.sourceId} goes in-app only`);
      return;
    }
    const id = notificationId(notice.sourceId, userId, channel);
    const text = channel === 'email' ? this.emailText(notice, message, contact) : message.sms;
    const claimed = await this.notifications.storeOnce({
      _id: id,
      userId,
      channel,
      kind: notice.kind,
      sourceId: notice.sourceId,
      title: message.title,
      body: text,
      data: notice.data,
      to,
      status: 'sending',
      createdAt: this.clock.now(),
    });
    if (!claimed) return;
    try {
      if (channel === 'email') await this.email.send({ id, to, subject: message.title, text });
      else await this.sms.send({ id, to, text });
    } catch (error) {
      if (error instanceof DeliveryError && error.permanent) {
        this.logger.warn(`Giving up on ${channel} ${id}: ${error.message}`);
        await this.notifications.markFailed(id, error.message);
        return;
      }
      await this.notifications.withdraw(id);
      throw error;
    }
    await this.notifications.markSent(id, this.clock.now());
  }

  private emailText(notice: Notice, message: ComposedMessage, contact: Contact): string {
    const name =
      contact.fullName && notice.recipient.role === 'doctor'
        ? doctorName(contact.fullName)
        : contact.fullName;
    return [
      name ? `Hello ${name},` : 'Hello,',
      '',
      message.emailBody ?? message.body,
      '',
      '— Arogyam',
      "Choose which notifications reach you by email or SMS in Arogyam's notification settings.",
      '',
    ].join('\n');
  }
}
