import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * A folder that stands in for a provider in development: every message becomes one JSON file,
 * named by the time it was written and the notification id, never overwritten.
 */
export class OutboxFolder {
  readonly path: string;

  constructor(path: string) {
    this.path = resolve(path);
  }

  async write(notificationId: string, message: object): Promise<string> {
    await mkdir(this.path, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = join(this.path, `${stamp}-${notificationId.replace(/[^\w.@-]+/g, '_')}.json`);
    await writeFile(file, `${JSON.stringify({ id: notificationId, ...message }, null, 2)}\n`, { flag: 'wx' });
    return file;
  }
}
