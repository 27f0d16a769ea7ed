import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { HealthRecordRepository } from './health-record.repository';

/**
 * At start-up, gives records stored before per-doctor sharing their sharing and reads key, so
 * doctors' listings (by `readers`) find them. Views read the old yes/no meanwhile (record-sharing.ts);
 * a failure is logged and retried on the next start, never a refusal to start.
 */
@Injectable()
export class LegacySharingUpgrade implements OnApplicationBootstrap {
  private readonly logger = new Logger(LegacySharingUpgrade.name);

  constructor(private readonly records: HealthRecordRepository) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      const upgraded = await this.records.upgradeLegacySharing();
      if (upgraded > 0) this.logger.log(`Gave ${upgraded} older health records their per-doctor sharing.`);
    } catch (error) {
      this.logger.warn(
        `Older health records keep their yes/no sharing until the next start: ${(error as Error).message}`,
      );
    }
  }
}
