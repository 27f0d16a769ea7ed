import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PatientDataPageMessage, PatientDataSubjects, type PatientDataPage } from '@arogyam/contracts';
import { exportingPatient } from '@arogyam/persistence';
import { PrescriptionRepository } from '../prescriptions/prescription.repository';

/** The patient's prescriptions, for the data export patient-service builds (asked as that patient). */
@Controller()
export class PatientDataExportHandler {
  constructor(private readonly prescriptions: PrescriptionRepository) {}

  @MessagePattern(PatientDataSubjects.prescription)
  export(@Payload() message: PatientDataPageMessage): Promise<PatientDataPage> {
    const patientId = exportingPatient(message, ['prescriptions']);
    return this.prescriptions.exportPage(patientId, message.cursor);
  }
}
