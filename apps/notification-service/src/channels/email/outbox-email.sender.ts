import { OutboxFolder } from '../outbox-folder';
import { EmailSender, type OutgoingEmail } from './email-sender';

/** SMTP_URL=dev: each email is a JSON file `{id, from, to, subject, text, createdAt}` in the outbox. */
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
      createdAt: new Date().toISOString(),
    });
  }
}
