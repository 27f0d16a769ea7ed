import { Injectable } from '@nestjs/common';
import { DEFAULT_PREFERENCES, PreferencesService } from '../preferences/preferences.service';
import { ContactDirectory } from '../recipients/contact-directory';
import { ExternalChannels, type ExternalChannel } from './external-channels';
import { InAppChannel } from './in-app.channel';
import type { Notice } from './notice';

const EXTERNAL_CHANNELS: readonly ExternalChannel[] = ['email', 'sms'];

/**
 * Sends a notice to its user: written in their time zone, stored in-app, and by email and SMS
 * where their preferences switch those on for its kind. Every step is idempotent, so a caller
 * retries the whole notice after a failure and only what is missing goes out.
 */
@Injectable()
export class NotificationDispatcher {
  constructor(
    private readonly preferences: PreferencesService,
    private readonly contacts: ContactDirectory,
    private readonly inApp: InAppChannel,
    private readonly external: ExternalChannels,
  ) {}

  /**
   * Several notices (an event's recipients) side by side, their preferences read at once; the
   * first failure is rethrown after all ran.
   */
  async deliverAll(notices: Notice[]): Promise<void> {
    const preferences = await this.preferences.forUsers(notices.map((notice) => notice.recipient.userId));
    await settleAll(
      notices.map((notice) => this.deliverWith(notice, preferences.get(notice.recipient.userId))),
    );
  }

  async deliver(notice: Notice): Promise<void> {
    await this.deliverWith(notice, await this.preferences.forUser(notice.recipient.userId));
  }

  private async deliverWith(notice: Notice, preferences = DEFAULT_PREFERENCES): Promise<void> {
    const message = notice.compose(preferences.timezone);
    await this.inApp.deliver(notice, message);
    const channels = EXTERNAL_CHANNELS.filter((channel) => preferences[channel][notice.kind]);
    if (channels.length === 0) return;
    const contact = await this.contacts.contactOf(notice.recipient);
    await settleAll(channels.map((channel) => this.external.deliver(channel, notice, message, contact)));
  }
}

/** Lets every attempt finish (one channel's outage must not stop another), then fails if any did. */
async function settleAll(attempts: Promise<void>[]): Promise<void> {
  const outcomes = await Promise.allSettled(attempts);
  const failure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failure) throw failure.reason;
}
