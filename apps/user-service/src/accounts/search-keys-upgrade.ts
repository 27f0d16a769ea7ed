import { Injectable } from '@nestjs/common';
import { UpgradeAtStartupProvider, type MarkedStartupUpgrade } from '@arogyam/persistence';
import { AccountRepository } from './account.repository';

/**
 * At start-up, once per database (a marker in `upgrades`), gives accounts stored before the admins'
 * user search their search keys. A failure is logged and retried on the next start, never a
 * refusal to start; until then those accounts are listed but not found by a search.
 */
@Injectable()
export class SearchKeysUpgrade extends UpgradeAtStartupProvider {
  constructor(private readonly accounts: AccountRepository) {
    super();
  }

  protected override upgrade(): MarkedStartupUpgrade {
    return {
      name: 'account-search-keys-1',
      run: () => this.accounts.addSearchKeys(),
      changed: (count) => `Gave ${count} accounts stored by an earlier version their search keys.`,
      retried: 'Older accounts get their search keys on the next start',
    };
  }
}
