import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { runOneOffUpgrade } from '@arogyam/persistence';
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

  async onApplicationBootstrap(): Promise<void> {
    try {
      const changed = await runOneOffUpgrade(this.accounts.connection, 'account-search-keys-1', () =>
        this.accounts.addSearchKeys(),
      );
      if (changed)
        this.logger.log(`Gave ${changed} accounts stored by an earlier version their search keys.`);
    } catch (error) {
      this.logger.warn(`Older accounts get their search keys on the next start: ${(error as Error).message}`);
    }
  }
}
