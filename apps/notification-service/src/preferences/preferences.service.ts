import { Injectable } from '@nestjs/common';
import {
  DEFAULT_LANGUAGE,
  DEFAULT_NOTIFICATION_TIME_ZONE,
  NOTIFICATION_KINDS,
  UpdateNotificationPreferencesDto,
  type Actor,
  type Language,
  type NotificationKindSwitches,
  type NotificationPreferencesView,
} from '@arogyam/contracts';
import { validateMessagePart } from '@arogyam/messaging';
import { PreferencesRepository } from './preferences.repository';
import type { KindSwitches, Preferences } from './preferences.schema';
import type { ContactCopy } from '../recipients/contact-copy.schema';

/**
 * Email for everything but chat, SMS for reminders only (it costs money and interrupts); chat
 * goes to email or SMS only when the user asks for it, because without the chat's read state the
 * service cannot tell whether they are reading the conversation right now.
 */
export const DEFAULT_PREFERENCES: NotificationPreferencesView = {
  timezone: DEFAULT_NOTIFICATION_TIME_ZONE,
  email: { appointment: true, reminder: true, prescription: true, chat: false },
  sms: { appointment: false, reminder: true, prescription: false, chat: false },
};

const withDefaults = (chosen: KindSwitches | undefined, defaults: NotificationKindSwitches) =>
  Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [kind, chosen?.[kind] ?? defaults[kind]]),
  ) as NotificationKindSwitches;

const toPreferencesView = (stored: Preferences | null): NotificationPreferencesView => ({
  timezone: stored?.timezone ?? DEFAULT_PREFERENCES.timezone,
  email: withDefaults(stored?.email, DEFAULT_PREFERENCES.email),
  sms: withDefaults(stored?.sms, DEFAULT_PREFERENCES.sms),
});

/**
 * What notices to a user follow: their preferences, and the language of their account; and, read
 * with them, this service's copy of where to reach them (recipients/contact-copy.schema.ts).
 */
export interface RecipientSettings extends NotificationPreferencesView {
  language: Language;
  contact?: ContactCopy;
}

export const DEFAULT_RECIPIENT_SETTINGS: RecipientSettings = {
  ...DEFAULT_PREFERENCES,
  language: DEFAULT_LANGUAGE,
};

const toRecipientSettings = (stored: Preferences | null): RecipientSettings => ({
  ...toPreferencesView(stored),
  language: stored?.language ?? DEFAULT_LANGUAGE,
  ...(stored?.contact ? { contact: stored.contact } : {}),
});

/** Per user: the time zone notifications are written in, and email/SMS per kind (in-app is always on). */
@Injectable()
export class PreferencesService {
  constructor(private readonly preferences: PreferencesRepository) {}

  async forUser(userId: string): Promise<NotificationPreferencesView> {
    return toPreferencesView(await this.preferences.findOfUser(userId));
  }

  /** The language a user's notices and emails are written in. */
  async languageOf(userId: string): Promise<Language> {
    return toRecipientSettings(await this.preferences.findOfUser(userId)).language;
  }

  /** Several users' settings in one read, by user id (an event's recipients). */
  async forUsers(userIds: string[]): Promise<Map<string, RecipientSettings>> {
    const stored = new Map((await this.preferences.findOfUsers(userIds)).map((p) => [String(p._id), p]));
    return new Map(userIds.map((userId) => [userId, toRecipientSettings(stored.get(userId) ?? null)]));
  }

  /** The account's language as user-service announced it (`user.language-changed`). */
  setLanguage(userId: string, language: Language, at: Date): Promise<void> {
    return this.preferences.setLanguage(userId, language, at);
  }

  get(actor: Actor): Promise<NotificationPreferencesView> {
    return this.forUser(actor.userId);
  }

  /** Sets what the body gives; what it leaves out keeps its current value. */
  async set(actor: Actor, body: unknown): Promise<NotificationPreferencesView> {
    const dto = await validateMessagePart(UpdateNotificationPreferencesDto, body);
    const changes: Record<string, unknown> = {};
    if (dto.timezone) changes.timezone = dto.timezone;
    for (const channel of ['email', 'sms'] as const) {
      for (const kind of NOTIFICATION_KINDS) {
        const value = dto[channel]?.[kind];
        if (value !== undefined) changes[`${channel}.${kind}`] = value;
      }
    }
    if (Object.keys(changes).length === 0) return this.forUser(actor.userId);
    return toPreferencesView(await this.preferences.setChoices(actor.userId, changes));
  }
}
