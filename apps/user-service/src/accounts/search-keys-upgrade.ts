import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { upgradeOnceAtStartup } from '@arogyam/persistence';
import { AccountRepository } from './account.repository';

/**
 * At start-up, once per database (a marker in `upgrades`), gives accounts stored before the admins'
 * user search their search keys. A failure is logged and retried on the next start, never a
 * refusal to start; until then those accounts are listed but not found by a search.
 */
@Injectable()
export class SearchKeysUpgrade implements OnApplicationBootstrap {
  private readonly logger = new Logger(SearchKeysUpgrade.name);

  constructor(private readonly accounts: AccountRepository) {}

  onApplicationBootstrap(): Promise<void> {
    return upgradeOnceAtStartup(this.logger, {
      connection: this.accounts.connection,
      name: 'account-search-keys-1',
      run: () => this.accounts.addSearchKeys(),
      changed: (count) => `Gave ${count} accounts stored by an earlier version their search keys.`,
      retried: 'Older accounts get their search keys on the next start',
    });
  }
}
