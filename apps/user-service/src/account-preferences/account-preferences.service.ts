import { Injectable } from '@nestjs/common';
import {
  DEFAULT_LANGUAGE,
  DomainError,
  UpdateAccountPreferencesDto,
  UserEventTypes,
  type AccountPreferencesView,
  type Actor,
  type UserLanguageChangedPayload,
} from '@arogyam/contracts';
import { createEvent, validateMessagePart } from '@arogyam/messaging';
import { InjectOutboxRelay, OutboxRelay } from '@arogyam/persistence';
import { Account } from '../accounts/account.schema';
import { AccountRepository } from '../accounts/account.repository';

const toPreferencesView = (account: Account): AccountPreferencesView => ({
  language: account.language ?? DEFAULT_LANGUAGE,
});

/**
 * The account's own settings that are not credentials: its language. A change is announced
 * (`user.language-changed`, in the same write) so notification-service writes in it from then on.
 */
@Injectable()
export class AccountPreferencesService {
  constructor(
    private readonly accounts: AccountRepository,
    @InjectOutboxRelay(Account.name) private readonly relay: OutboxRelay<Account>,
  ) {}

  async get(actor: Actor): Promise<AccountPreferencesView> {
    return toPreferencesView(await this.accountOf(actor));
  }

  async set(actor: Actor, body: unknown): Promise<AccountPreferencesView> {
    const { language } = await validateMessagePart(UpdateAccountPreferencesDto, body);
    const account = await this.accountOf(actor);
    const payload: UserLanguageChangedPayload = { userId: account._id, role: account.role, language };
    const updated = await this.accounts.setLanguage(
      account._id,
      language,
      createEvent(UserEventTypes.languageChanged, payload),
    );
    if (!updated) throw DomainError.unauthorized('This account no longer exists.');
    // Published before the answer: what is written to them next (a booking's email) follows it.
    await this.relay.flush(account._id);
    return toPreferencesView(updated);
  }

  private async accountOf(actor: Actor): Promise<Account> {
    const account = await this.accounts.findById(actor.userId);
    if (!account) throw DomainError.unauthorized('This account no longer exists.');
    return account;
  }
}
