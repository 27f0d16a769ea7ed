import { Injectable, Logger } from '@nestjs/common';
import type { Language } from '@arogyam/contracts';
import type { CalendarInvite } from '../messages/appointment-invite';
import type { ComposedMessage } from '../messages/composed-message';
import { doctorName } from '../messages/names';
import { textsIn } from '../messages/reader-locale';
import { notificationId } from '../notifications/notification-ids';
import { NotificationRepository, type NewNotification } from '../notifications/notification.repository';
import type { Contact } from '../recipients/recipient';
import { DeliveryError } from './delivery-error';
import { EmailSender } from './email/email-sender';
import type { Notice } from './notice';
import { settleAll } from './settle-all';
import { SmsProvider } from './sms/sms-provider';

export type ExternalChannel = 'email' | 'sms';

/** The claim of one send: its record, with the address it goes to, and the calendar file (not stored). */
export interface ExternalClaim {
  record: NewNotification & { to: string };
  calendar?: CalendarInvite;
}

/** One notice to send on one external channel, to the contact it goes to. */
export interface ExternalSend {
  channel: ExternalChannel;
  notice: Notice;
  message: ComposedMessage;
  /** The language the message is written in: the email's greeting and footer follow it. */
  language: Language;
  contact: Contact;
}

/**
 * Email and SMS, each sent at most once per notice and user: the notification records are
 * inserted before the provider is called (an event's in the same write as its inbox entries:
 * NotificationDispatcher), so a redelivered event or a second instance finds them taken. The
 * record is written `sent`, which is what it says once the provider took it; a send that fails
 * changes it: a transient failure deletes it again and throws (after the others were sent), so the
 * event (or the reminder) is retried and only what is missing goes out; a permanent refusal is
 * kept as `failed`. A success so writes nothing more (marking each send afterwards cost a booking
 * three statements: docs/benchmarks.md). A crash between the insert and the provider's answer
 * leaves the record and no retry: for a message a person reads, one lost beats one doubled.
 */
@Injectable()
export class ExternalChannels {
  private readonly logger = new Logger(ExternalChannels.name);

  constructor(
    private readonly notifications: NotificationRepository,
    private readonly email: EmailSender,
    private readonly sms: SmsProvider,
  ) {}

  /** The claims of the sends: one per send whose user has an address on its channel. */
  claimsOf(sends: ExternalSend[], createdAt: Date): ExternalClaim[] {
    const claims: ExternalClaim[] = [];
    for (const send of sends) {
      const claim = this.claimOf(send, createdAt);
      if (claim) claims.push(claim);
    }
    return claims;
  }

  /**
   * Sends what this delivery claimed (`claimed`: the ids its insert stored), each whatever became
   * of the others; then rethrows the first transient failure.
   */
  sendClaimed(claims: ExternalClaim[], claimed: Set<string>): Promise<void> {
    return settleAll(claims.filter(({ record }) => claimed.has(record._id)).map((claim) => this.send(claim)));
  }

  /** The claim of a send, or none when the user has no address on that channel. */
  private claimOf(
    { channel, notice, message, language, contact }: ExternalSend,
    createdAt: Date,
  ): ExternalClaim | undefined {
    const { userId } = notice.recipient;
    const to = channel === 'email' ? contact.email : contact.phone;
    if (!to) {
      this.logger.debug(`No ${channel} address for user ${userId}; ${notice.sourceId} goes in-app only`);
      return undefined;
    }
    return {
      record: {
        _id: notificationId(notice.sourceId, userId, channel),
        userId,
        channel,
        kind: notice.kind,
        sourceId: notice.sourceId,
        title: message.title,
        body: channel === 'email' ? this.emailText(notice, message, language, contact) : message.sms,
        data: notice.data,
        to,
        status: 'sent',
        createdAt,
      },
      ...(channel === 'email' && message.calendar ? { calendar: message.calendar } : {}),
    };
  }

  /** Hands the claimed record to its provider; a refusal for good is recorded, a transient failure thrown. */
  private async send({ record, calendar }: ExternalClaim): Promise<void> {
    const { _id: id, channel, to, title, body } = record;
    try {
      if (channel === 'email') await this.email.send({ id, to, subject: title, text: body, calendar });
      else await this.sms.send({ id, to, text: body });
    } catch (error) {
      if (error instanceof DeliveryError && error.permanent) {
        // The provider's words often quote the address or number: kept on the record, not logged.
        this.logger.warn(`Giving up on ${channel} ${id}: its provider refused it for good`);
        await this.notifications.markFailed(id, error.message);
        return;
      }
      await this.notifications.withdraw(id);
      throw error;
    }
  }

  private emailText(notice: Notice, message: ComposedMessage, language: Language, contact: Contact): string {
    const t = textsIn(language);
    const name =
      contact.fullName && notice.recipient.role === 'doctor'
        ? doctorName(contact.fullName)
        : contact.fullName;
    return [
      name ? t('Hello {{name}},', { name }) : t('Hello,'),
      '',
      message.emailBody ?? message.body,
      ...(message.link ? ['', t('Open it in Arogyam: {{link}}', { link: message.link })] : []),
      ...(message.calendar
        ? ['', t('The attached calendar file adds it to your calendar, or updates it there.')]
        : []),
      '',
      t('— Arogyam'),
      t("Choose which notifications reach you by email or SMS in Arogyam's notification settings."),
      '',
    ].join('\n');
  }
}
