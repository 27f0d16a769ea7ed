import { Injectable } from '@nestjs/common';
import { UpgradeAtStartupProvider, type MarkedStartupUpgrade } from '@arogyam/persistence';
import { DoctorRepository } from '../profiles/doctor.repository';

/**
 * At start-up, once per database (a marker in `upgrades`), gives doctors stored before the fee and
 * free-time search keys their keys (what `maintenance/rewrite-search-keys.js` does by hand), so a
 * database from an earlier version is searched by fee and sorted by soonest without anyone
 * remembering to run it. Later starts read the marker only. Safe while serving; a failure is
 * logged and retried on the next start, never a refusal to start.
 */
@Injectable()
export class SearchKeysUpgrade extends UpgradeAtStartupProvider {
  constructor(private readonly doctors: DoctorRepository) {
    super();
  }

  protected override upgrade(): MarkedStartupUpgrade {
    return {
      name: 'doctor-search-orders-1',
      // Rewriting every doctor is for a database that has doctors without the keys: the look for
      // one costs a read of the collection, once; rewriting 10,000 that need nothing held the
      // start past its readiness check.
      run: async () =>
        (await this.doctors.hasDoctorsWithoutSearchOrders()) ? this.doctors.rewriteSearchKeys() : 0,
      changed: (count) => `Gave ${count} doctors stored by an earlier version their search keys.`,
      retried: 'Older doctors keep their search keys until the next start',
    };
  }
}
