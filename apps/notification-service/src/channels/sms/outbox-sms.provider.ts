import { OutboxFolder } from '../outbox-folder';
import { SmsProvider, type OutgoingSms } from './sms-provider';

/** Without Twilio settings: each SMS is a JSON file `{id, to, text, createdAt}` in the outbox. */
export class OutboxSmsProvider extends SmsProvider {
  private readonly folder: OutboxFolder;

  constructor(path: string) {
    super();
    this.folder = new OutboxFolder(path);
  }

  get destination(): string {
    return this.folder.path;
  }

  async send(sms: OutgoingSms): Promise<void> {
    await this.folder.write(sms.id, { to: sms.to, text: sms.text, createdAt: new Date().toISOString() });
  }
}
