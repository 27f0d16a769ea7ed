import { Injectable, Logger } from '@nestjs/common';
import { isLanguage, type EventEnvelope, type UserLanguageChangedPayload } from '@arogyam/contracts';
import { PreferencesService } from '../preferences/preferences.service';
import { occurredAt } from './event-time';

const isLanguageChange = (payload: unknown): payload is UserLanguageChangedPayload => {
  const change = payload as Partial<UserLanguageChangedPayload> | null;
  return Boolean(change?.userId && isLanguage(change.language));
};

/**
 * `user.language-changed`: the copy of the account's language every notice to the person is
 * written in. Not subject to the age limit: an old choice, if it is the latest, is still theirs.
 */
@Injectable()
export class AccountLanguages {
  private readonly logger = new Logger(AccountLanguages.name);

  constructor(private readonly preferences: PreferencesService) {}

  async changed(event: EventEnvelope): Promise<void> {
    const at = occurredAt(event);
    if (!at || !isLanguageChange(event.payload)) {
      this.logger.error(`Ignoring ${event.type} ${event.id}: not a language change`);
      return;
    }
    await this.preferences.setLanguage(event.payload.userId, event.payload.language, at);
  }
}
