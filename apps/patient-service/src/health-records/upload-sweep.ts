import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { PeriodicRounds } from '@arogyam/service-kit';
import { PatientServiceConfig } from '../config/patient-service.config';
import { HealthRecordFiles } from './health-record-files';
import { HealthRecordRepository } from './health-record.repository';
import { UploadReservationRepository } from './upload-reservation.repository';

/**
 * How long an upload may take from its reservation to its record: the gateway puts the file and
 * asks for the record within seconds (at most the request's few timeouts).
 */
export const UPLOAD_DEADLINE_MS = 30 * 60_000;

/**
 * Uploads that never became records, on every instance: a reservation older than the deadline
 * whose record exists was left by a create that stopped before releasing it; one without a record
 * is a file in the bucket that nobody lists (the gateway stopped between its put and the create,
 * or the create timed out without recording), which is deleted with it. Without this such files
 * stayed for good, and a patient's erasure (which deletes files by record) never found them.
 */
@Injectable()
export class UploadSweep implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(UploadSweep.name);
  private readonly rounds = new PeriodicRounds('Upload sweep', () => this.round(), this.logger);

  constructor(
    private readonly reservations: UploadReservationRepository,
    private readonly records: HealthRecordRepository,
    private readonly files: HealthRecordFiles,
    private readonly config: PatientServiceConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.UPLOAD_SWEEP_SECONDS > 0) this.rounds.start(this.config.UPLOAD_SWEEP_SECONDS);
  }

  onModuleDestroy(): Promise<void> {
    return this.rounds.stop();
  }

  /** One batch of the oldest overdue reservations; the next round takes the next batch. */
  async round(now = new Date()): Promise<void> {
    const overdue = await this.reservations.reservedBefore(new Date(now.getTime() - UPLOAD_DEADLINE_MS));
    for (const { _id: recordId } of overdue) {
      if (!(await this.records.findById(recordId)) && (await this.files.info(recordId))) {
        await this.files.remove(recordId);
        this.logger.log(`Deleted the file of upload ${recordId}, which never became a record`);
      }
      await this.reservations.release(recordId);
    }
  }
}
