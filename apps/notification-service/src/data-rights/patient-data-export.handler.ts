import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PatientDataPageMessage, PatientDataSubjects, type PatientDataPage } from '@arogyam/contracts';
import { exportingPatient } from '@arogyam/persistence';
import { NotificationRepository } from '../notifications/notification.repository';
import { ContactCopyRepository } from '../recipients/contact-copy.repository';

/**
 * The patient's notifications, and the copy of their name, email and phone this service sends
 * them to, for the data export patient-service builds (asked as that patient).
 */
@Controller()
export class PatientDataExportHandler {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly contacts: ContactCopyRepository,
  ) {}

  @MessagePattern(PatientDataSubjects.notification)
  async export(@Payload() message: PatientDataPageMessage): Promise<PatientDataPage> {
    const patientId = exportingPatient(message, ['notifications', 'contact']);
    if (message.section === 'notifications') return this.notifications.exportPage(patientId, message.cursor);
    const copy = await this.contacts.findOf(patientId);
    if (!copy) return { items: [] };
    const { fullName, email, phone } = copy;
    return { items: [{ fullName, email, ...(phone ? { phone } : {}) }] };
  }
}
