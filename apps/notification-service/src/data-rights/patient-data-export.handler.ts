import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PatientDataPageMessage, PatientDataSubjects, type PatientDataPage } from '@arogyam/contracts';
import { exportingPatient } from '@arogyam/persistence';
import { NotificationRepository } from '../notifications/notification.repository';

/** The patient's notifications, for the data export patient-service builds (asked as that patient). */
@Controller()
export class PatientDataExportHandler {
  constructor(private readonly notifications: NotificationRepository) {}

  @MessagePattern(PatientDataSubjects.notification)
  export(@Payload() message: PatientDataPageMessage): Promise<PatientDataPage> {
    const patientId = exportingPatient(message, ['notifications']);
    return this.notifications.exportPage(patientId, message.cursor);
  }
}
