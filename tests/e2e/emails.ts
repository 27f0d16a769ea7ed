import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { waitFor } from '@arogyam/testing';

/** An email as notification-service's dev outbox keeps it (SMTP_URL=dev). */
export interface SentEmail {
  id: string;
  to: string;
  subject: string;
  text: string;
  /** The .ics an appointment email carries. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; filename: string; content: string };
  createdAt: string;
}

/** Every email sent to `address` so far, oldest first. */
export async function emailsTo(outboxDir: string, address: string): Promise<SentEmail[]> {
  const folder = join(outboxDir, 'email');
  const files = (await readdir(folder).catch(() => [] as string[]))
    .filter((file) => file.endsWith('.json'))
    .sort();
  const emails = await Promise.all(
    files.map(async (file) => JSON.parse(await readFile(join(folder, file), 'utf8')) as SentEmail),
  );
  return emails.filter((email) => email.to === address);
}

/** Waits for the `count`-th email to `address` and answers it. */
export async function nthEmailTo(outboxDir: string, address: string, count: number): Promise<SentEmail> {
  let found: SentEmail[] = [];
  await waitFor(
    async () => (found = await emailsTo(outboxDir, address)).length >= count,
    15000,
    `email ${count} to ${address}`,
  );
  return found[count - 1];
}

/** The password reset link in an email, and its token. */
export function resetLinkIn(email: SentEmail): { link: string; token: string } {
  const match = /(\S+\/reset-password\?token=([A-Za-z0-9_-]{43}))/.exec(email.text);
  if (!match) throw new Error(`no reset link in the email "${email.subject}"`);
  return { link: match[1], token: match[2] };
}
