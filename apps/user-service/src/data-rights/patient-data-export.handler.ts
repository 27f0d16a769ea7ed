import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PatientDataPageMessage, PatientDataSubjects, type PatientDataPage } from '@arogyam/contracts';
import { exportingPatient } from '@arogyam/persistence';
import { AccountRepository } from '../accounts/account.repository';

/** The patient's account, for the data export patient-service builds (asked as that patient). */
@Controller()
export class PatientDataExportHandler {
  constructor(private readonly accounts: AccountRepository) {}

  @MessagePattern(PatientDataSubjects.user)
  export(@Payload() message: PatientDataPageMessage): Promise<PatientDataPage> {
    const patientId = exportingPatient(message, ['account']);
    return this.accounts.exportPage(patientId, message.cursor);
  }
}
