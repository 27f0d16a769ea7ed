import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PatientDataPageMessage, PatientDataSubjects, type PatientDataPage } from '@arogyam/contracts';
import { exportingPatient } from '@arogyam/persistence';
import { ReviewRepository } from '../reviews/review.repository';

/** The reviews a patient wrote, for the data export patient-service builds (asked as that patient). */
@Controller()
export class PatientDataExportHandler {
  constructor(private readonly reviews: ReviewRepository) {}

  @MessagePattern(PatientDataSubjects.doctor)
  export(@Payload() message: PatientDataPageMessage): Promise<PatientDataPage> {
    const patientId = exportingPatient(message, ['reviews']);
    return this.reviews.exportPage(patientId, message.cursor);
  }
}
