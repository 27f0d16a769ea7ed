import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { PeriodicRounds } from '@arogyam/service-kit';
import { PatientServiceConfig } from '../config/patient-service.config';
import { DataExportArchives } from './data-export-archives';
import { DataExportRepository } from './data-export.repository';

/** What a patient reads when the instance building their export stopped (a restart, a crash). */
export const STOPPED =
  'Your export stopped when our server restarted. Please start it again; it takes a minute or two.';

/**
 * Time passing, for data exports, on every instance: an export left running by an instance that
 * stopped (no heartbeat for DATA_EXPORT_STALE_SECONDS) is failed with a clear message rather than
 * resumed (gathering again from the start is as quick, and nothing is half-written), which frees
 * the patient to start again; an archive past its expiry is deleted from the bucket.
 */
@Injectable()
export class DataExportSweep implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DataExportSweep.name);
  private readonly rounds = new PeriodicRounds('Data export sweep', () => this.round(), this.logger);

  constructor(
    private readonly exports: DataExportRepository,
    private readonly archives: DataExportArchives,
    private readonly config: PatientServiceConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.DATA_EXPORT_SWEEP_SECONDS > 0) this.rounds.start(this.config.DATA_EXPORT_SWEEP_SECONDS);
  }

  onModuleDestroy(): Promise<void> {
    return this.rounds.stop();
  }

  async round(now = new Date()): Promise<void> {
    const stalled = await this.exports.stalled(
      new Date(now.getTime() - this.config.DATA_EXPORT_STALE_SECONDS * 1000),
    );
    for (const job of stalled) {
      if (await this.exports.failed(job._id, STOPPED))
        this.logger.warn(`Data export ${job._id} stalled; failed it`);
    }
    for (const job of await this.exports.expired(now)) {
      await this.archives.remove(job._id);
      await this.exports.markExpired(job._id);
    }
  }
}
