import { Injectable } from '@nestjs/common';
import { Clock } from '../clock/clock';
import { NotificationRepository } from '../notifications/notification.repository';
import { DEFAULT_RECIPIENT_SETTINGS, PreferencesService } from '../preferences/preferences.service';
import { ContactDirectory } from '../recipients/contact-directory';
import { ExternalChannels, type ExternalChannel, type ExternalSend } from './external-channels';
import { InAppChannel } from './in-app.channel';
import type { Notice } from './notice';

const EXTERNAL_CHANNELS: readonly ExternalChannel[] = ['email', 'sms'];

/**
 * Sends notices to their users: written in each one's time zone and language, stored in-app, and by email and
 * SMS where their preferences switch those on for its kind. An event's notices go together: their
 * preferences and contact copies in one read, their inbox entries and their email and SMS records in
 * one write (a booking's cost is mostly statements: docs/benchmarks.md). Every step is idempotent,
 * so a caller retries the whole set after a failure and only what is missing goes out.
 */
@Injectable()
export class NotificationDispatcher {
  constructor(
    private readonly preferences: PreferencesService,
    private readonly contacts: ContactDirectory,
    private readonly notifications: NotificationRepository,
    private readonly inApp: InAppChannel,
    private readonly external: ExternalChannels,
    private readonly clock: Clock,
  ) {}

  /** The first failure (a profile service down, a provider's outage) is rethrown after all ran. */
  async deliverAll(notices: Notice[]): Promise<void> {
    if (notices.length === 0) return;
    const preferences = await this.preferences.forUsers(notices.map((notice) => notice.recipient.userId));
    const composed = notices.map((notice) => {
      const chosen = preferences.get(notice.recipient.userId) ?? DEFAULT_RECIPIENT_SETTINGS;
      return {
        notice,
        contact: chosen.contact,
        language: chosen.language,
        message: notice.compose({ timeZone: chosen.timezone, language: chosen.language }),
        channels: EXTERNAL_CHANNELS.filter((channel) => chosen[channel][notice.kind]),
      };
    });
    const outward = composed.filter(({ channels }) => channels.length > 0);
    const contacts = await Promise.allSettled(
      outward.map(({ notice, contact }) => this.contacts.contactFrom(notice.recipient, contact)),
    );
    const sends: ExternalSend[] = outward.flatMap(({ notice, message, language, channels }, i) => {
      const found = contacts[i];
      return found.status === 'fulfilled'
        ? channels.map((channel) => ({ channel, notice, message, language, contact: found.value }))
        : [];
    });
    const createdAt = this.clock.now();
    const entries = this.inApp.entriesOf(composed, createdAt);
    const claims = this.external.claimsOf(sends, createdAt);
    // One insert stores the inbox entries (their delivery) and claims the email and SMS sends;
    // each taken `_id` (a repeat) is left as it is and not sent again.
    const stored = await this.notifications.storeEachOnce([
      ...entries,
      ...claims.map(({ record }) => record),
    ]);
    this.inApp.announce(entries, stored);
    // Those whose contact was found go out even when another's lookup failed; that one is retried.
    await this.external.sendClaimed(claims, stored);
    const lookupFailure = contacts.find(
      (found): found is PromiseRejectedResult => found.status === 'rejected',
    );
    if (lookupFailure) throw lookupFailure.reason;
  }

  async deliver(notice: Notice): Promise<void> {
    await this.deliverAll([notice]);
  }
}
