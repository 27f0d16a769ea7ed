import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PatientDataPageMessage, PatientDataSubjects, type PatientDataPage } from '@arogyam/contracts';
import { exportingPatient } from '@arogyam/persistence';
import { PaymentRepository } from '../payments/payment.repository';

/** The patient's payments, for the data export patient-service builds (asked as that patient). */
@Controller()
export class PatientDataExportHandler {
  constructor(private readonly payments: PaymentRepository) {}

  @MessagePattern(PatientDataSubjects.payment)
  export(@Payload() message: PatientDataPageMessage): Promise<PatientDataPage> {
    const patientId = exportingPatient(message, ['payments']);
    return this.payments.exportPage(patientId, message.cursor);
  }
}
