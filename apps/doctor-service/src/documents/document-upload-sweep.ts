import { Injectable } from '@nestjs/common';
import { UploadReservationRepository, UploadSweep, type UploadReservation } from '@arogyam/persistence';
import { DoctorServiceConfig } from '../config/doctor-service.config';
import { DoctorRepository } from '../profiles/doctor.repository';
import { DoctorDocumentFiles } from './doctor-document-files';

/** Verification documents whose file went into the bucket but never onto the profile (libs/persistence UploadSweep). */
@Injectable()
export class DocumentUploadSweep extends UploadSweep {
  constructor(
    reservations: UploadReservationRepository,
    private readonly doctors: DoctorRepository,
    private readonly files: DoctorDocumentFiles,
    config: DoctorServiceConfig,
  ) {
    super(reservations, config.UPLOAD_SWEEP_SECONDS);
  }

  protected async isRecorded({ _id: documentId, ownerId }: UploadReservation): Promise<boolean> {
    const doctor = await this.doctors.findById(ownerId);
    return (doctor?.documents ?? []).some((document) => document.id === documentId);
  }

  protected removeFile({ _id: documentId, ownerId }: UploadReservation): Promise<boolean> {
    return this.files.remove(ownerId, documentId);
  }
}
