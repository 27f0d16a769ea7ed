import { Injectable } from '@nestjs/common';
import { UpgradeAtStartupProvider, type MarkedStartupUpgrade } from '@arogyam/persistence';
import { HealthRecordRepository } from './health-record.repository';

/**
 * At start-up, once per database (a marker in `upgrades`), gives records stored before per-doctor
 * sharing their sharing and reads key, so doctors' listings (by `readers`) find them. Views read
 * the old yes/no meanwhile (record-sharing.ts); later starts read the marker only. A failure is
 * logged and retried on the next start, never a refusal to start.
 */
@Injectable()
export class LegacySharingUpgrade extends UpgradeAtStartupProvider {
  constructor(private readonly records: HealthRecordRepository) {
    super();
  }

  protected override upgrade(): MarkedStartupUpgrade {
    return {
      name: 'health-record-sharing-1',
      run: () => this.records.upgradeLegacySharing(),
      changed: (count) => `Gave ${count} older health records their per-doctor sharing.`,
      retried: 'Older health records keep their yes/no sharing until the next start',
    };
  }
}
