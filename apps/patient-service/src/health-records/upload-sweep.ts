import { Injectable } from '@nestjs/common';
import { UploadReservationRepository, UploadSweep, type UploadReservation } from '@arogyam/persistence';
import { PatientServiceConfig } from '../config/patient-service.config';
import { HealthRecordFiles } from './health-record-files';
import { HealthRecordRepository } from './health-record.repository';

/**
 * Health-record files that never became records (libs/persistence UploadSweep): without this they
 * stayed for good, and a patient's erasure, which deletes files by record, never found them.
 */
@Injectable()
export class HealthRecordUploadSweep extends UploadSweep {
  constructor(
    reservations: UploadReservationRepository,
    private readonly records: HealthRecordRepository,
    private readonly files: HealthRecordFiles,
    config: PatientServiceConfig,
  ) {
    super(reservations, config.UPLOAD_SWEEP_SECONDS);
  }

  protected async isRecorded({ _id: recordId }: UploadReservation): Promise<boolean> {
    return (await this.records.findById(recordId)) !== null;
  }

  protected async removeFile({ _id: recordId }: UploadReservation): Promise<boolean> {
    if (!(await this.files.info(recordId))) return false;
    await this.files.remove(recordId);
    return true;
  }
}
