import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PatientDataPageMessage, PatientDataSubjects, type PatientDataPage } from '@arogyam/contracts';
import { exportingPatient } from '@arogyam/persistence';
import { AuditEntryRepository } from '../trail/audit-entry.repository';

/** Who reached the patient's records, for the data export patient-service builds (asked as that patient). */
@Controller()
export class PatientDataExportHandler {
  constructor(private readonly entries: AuditEntryRepository) {}

  @MessagePattern(PatientDataSubjects.audit)
  export(@Payload() message: PatientDataPageMessage): Promise<PatientDataPage> {
    const patientId = exportingPatient(message, ['audit']);
    return this.entries.exportPage(patientId, message.cursor);
  }
}
