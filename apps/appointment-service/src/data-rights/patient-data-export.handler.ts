import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PatientDataPageMessage, PatientDataSubjects, type PatientDataPage } from '@arogyam/contracts';
import { exportingPatient } from '@arogyam/persistence';
import { PatientDataExportService } from './patient-data-export.service';

/** The patient's appointments, for the data export patient-service builds (asked as that patient). */
@Controller()
export class PatientDataExportHandler {
  constructor(private readonly exports: PatientDataExportService) {}

  @MessagePattern(PatientDataSubjects.appointment)
  export(@Payload() message: PatientDataPageMessage): Promise<PatientDataPage> {
    return this.exports.pageFor(exportingPatient(message, ['appointments']), message.cursor);
  }
}
