import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { PeriodicRounds } from '@arogyam/service-kit';
import type { UploadReservation } from './upload-reservation.schema';
import { UploadReservationRepository } from './upload-reservation.repository';

/**
 * How long an upload may take from its reservation to its record: the gateway puts the file and
 * asks for the record within seconds (at most the request's few timeouts).
 */
export const UPLOAD_DEADLINE_MS = 30 * 60_000;

/**
 * Uploads that never became records, on every instance of the service that records them. The
 * gateway reserves an upload's id with the service, puts the file in the bucket, then has the
 * service record it, which releases the reservation. A reservation older than the deadline whose
 * record exists was left by a create that stopped before releasing it; one without a record is a
 * file nobody lists (the gateway stopped between its put and the create, or the create timed out
 * without recording), deleted with it. The object store lists a bucket only whole, so the
 * reservations are what finds such files. A service extends this with what a record and a file
 * are for it, and starts it with its own `UPLOAD_SWEEP_SECONDS`.
 */
export abstract class UploadSweep implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(this.constructor.name);
  private readonly rounds = new PeriodicRounds('Upload sweep', () => this.round(), this.logger);

  protected constructor(
    private readonly reservations: UploadReservationRepository,
    private readonly everySeconds: number,
  ) {}

  /** Whether the service holds the record the upload was for. */
  protected abstract isRecorded(reservation: UploadReservation): Promise<boolean>;

  /** Deletes the upload's file; whether there was one. */
  protected abstract removeFile(reservation: UploadReservation): Promise<boolean>;

  onApplicationBootstrap(): void {
    if (this.everySeconds > 0) this.rounds.start(this.everySeconds);
  }

  onModuleDestroy(): Promise<void> {
    return this.rounds.stop();
  }

  /** One batch of the oldest overdue reservations; the next round takes the next batch. */
  async round(now = new Date()): Promise<void> {
    const overdue = await this.reservations.reservedBefore(new Date(now.getTime() - UPLOAD_DEADLINE_MS));
    for (const reservation of overdue) {
      if (!(await this.isRecorded(reservation)) && (await this.removeFile(reservation))) {
        this.logger.log(`Deleted the file of upload ${reservation._id}, which never became a record`);
      }
      await this.reservations.release(reservation._id);
    }
  }
}
