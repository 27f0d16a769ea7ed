import type { OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { DeliveryError } from '../delivery-error';
import { EmailSender, type OutgoingEmail } from './email-sender';

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  /** Set by nodemailer with an SMTP reply: a 5xx (but 503) refusal. */
  permanent?: boolean;
}

/** The codes of a refusal of this message or its recipient, rather than of the session or login. */
const MESSAGE_REFUSALS = new Set(['EENVELOPE', 'EMESSAGE']);

/**
 * Email over SMTP with nodemailer, one connection per message (notifications are few and far
 * between). Timeouts stay well inside the event consumer's 30 s ack wait, so a hanging server
 * fails the delivery instead of getting the event redelivered to another instance mid-send.
 */
export class SmtpEmailSender extends EmailSender implements OnApplicationShutdown {
  readonly destination: string;
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    super();
    const { protocol, host } = new URL(url);
    this.destination = `${protocol}//${host}`;
    this.transport = createTransport({
      url,
      connectionTimeout: 10_000,
      greetingTimeout: 5_000,
      socketTimeout: 15_000,
    });
  }

  async send(email: OutgoingEmail): Promise<void> {
    try {
      await this.transport.sendMail({
        from: this.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        ...(email.calendar
          ? {
              icalEvent: {
                method: email.calendar.method,
                filename: 'appointment.ics',
                content: email.calendar.content,
              },
            }
          : {}),
        messageId: `<${email.id.replace(/[^\w.-]+/g, '.')}@notifications.arogyam>`,
      });
    } catch (error) {
      const smtp = error as SmtpError;
      const permanent = Boolean(smtp.permanent) && MESSAGE_REFUSALS.has(smtp.code ?? '');
      throw new DeliveryError(`SMTP ${this.destination}: ${smtp.message}`, permanent);
    }
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
