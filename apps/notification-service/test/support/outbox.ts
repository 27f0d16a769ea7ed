import { mkdtempSync, rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface OutboxEmail {
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}

export interface OutboxSms {
  id: string;
  to: string;
  text: string;
  createdAt: string;
}

/** Every message a dev outbox folder holds, oldest first; none while the folder does not exist. */
export async function readOutbox<T>(folder: string): Promise<T[]> {
  const files = await readdir(folder).catch(() => [] as string[]);
  return Promise.all(
    files
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map(async (file) => JSON.parse(await readFile(join(folder, file), 'utf8')) as T),
  );
}

/** A throwaway dev outbox: the settings that send email and SMS into it, and its emails. */
export class DevOutbox {
  readonly path = mkdtempSync(join(tmpdir(), 'arogyam-outbox-'));
  readonly env = { SMTP_URL: 'dev', NOTIFICATION_OUTBOX_DIR: this.path };

  emails(): Promise<OutboxEmail[]> {
    return readOutbox<OutboxEmail>(join(this.path, 'email'));
  }

  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}
