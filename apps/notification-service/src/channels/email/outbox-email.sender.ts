import { OutboxFolder } from '../outbox-folder';
import { EmailSender, type OutgoingEmail } from './email-sender';

/**
 * SMTP_URL=dev: each email is a JSON file `{id, from, to, subject, text, calendar?, createdAt}` in
 * the outbox (`calendar`: `{method, filename, content}`, the .ics an SMTP email would carry).
 */
export class OutboxEmailSender extends EmailSender {
  private readonly folder: OutboxFolder;

  constructor(
    path: string,
    private readonly from: string,
  ) {
    super();
    this.folder = new OutboxFolder(path);
  }

  get destination(): string {
    return this.folder.path;
  }

  async send(email: OutgoingEmail): Promise<void> {
    await this.folder.write(email.id, {
      from: this.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      ...(email.calendar ? { calendar: { ...email.calendar, filename: 'appointment.ics' } } : {}),
      createdAt: new Date().toISOString(),
    });
  }
}
