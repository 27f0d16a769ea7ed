import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import {
  AppointmentCallEventTypes,
  AppointmentEventTypes,
  ChatEventTypes,
  DoctorEventTypes,
  PatientContactEventTypes,
  PrescriptionEventTypes,
  ProfileEventTypes,
  UserEventTypes,
} from '@arogyam/contracts';
import { EventConsumer, NATS_CONNECTION } from '@arogyam/messaging';
import { AccountLanguages } from './account-languages';
import { PatientErasure } from '../data-rights/patient-erasure';
import { ContactEvents } from '../recipients/contact-events';
import { AppointmentNotices } from './appointment-notices';
import { CallNotices } from './call-notices';
import { ChatNotices } from './chat-notices';
import { PasswordResetNotices } from './password-reset-notices';
import { PrescriptionNotices } from './prescription-notices';
import { VerificationNotices } from './verification-notices';

/**
 * notification-service's durable JetStream consumers (one per type, `notification-service_<type>`,
 * each shared by its instances; `user.erased` after the events stored before it). An event is acked once every notification it causes is stored or sent; a failure
 * (a profile service down, SMTP down) naks it for redelivery, and the notifications' idempotency
 * keys make the repeat send only what is missing. Bookings and reschedules that queued up meanwhile
 * are handled together.
 */
@Injectable()
export class NotificationEventsConsumer implements OnModuleInit, OnModuleDestroy {
  private readonly consumer: EventConsumer;

  constructor(
    @Inject(NATS_CONNECTION) connection: NatsConnection,
    appointments: AppointmentNotices,
    prescriptions: PrescriptionNotices,
    chat: ChatNotices,
    calls: CallNotices,
    passwordResets: PasswordResetNotices,
    verifications: VerificationNotices,
    languages: AccountLanguages,
    contacts: ContactEvents,
    erasure: PatientErasure,
  ) {
    this.consumer = new EventConsumer(connection, {
      service: 'notification',
      handlers: {
        [AppointmentEventTypes.booked]: (event) => appointments.handle('booked', event),
        [AppointmentEventTypes.rescheduled]: (event) => appointments.handle('rescheduled', event),
        [AppointmentEventTypes.cancelled]: (event) => appointments.handle('cancelled', event),
        [PrescriptionEventTypes.issued]: (event) => prescriptions.issued(event),
        [ChatEventTypes.messageCreated]: (event) => chat.messageCreated(event),
        [ChatEventTypes.roomRead]: (event) => chat.roomRead(event),
        [AppointmentCallEventTypes.callRecorded]: (event) => calls.recorded(event),
        [UserEventTypes.passwordResetRequested]: (event) => passwordResets.requested(event),
        [DoctorEventTypes.verified]: (event) => verifications.decided(event),
        [UserEventTypes.languageChanged]: (event) => languages.changed(event),
        [UserEventTypes.registered]: (event) => contacts.registered(event),
        [ProfileEventTypes.doctorRenamed]: contacts.renamed('doctor'),
        [ProfileEventTypes.patientRenamed]: contacts.renamed('patient'),
        [PatientContactEventTypes.phoneChanged]: (event) => contacts.phoneChanged(event),
        [UserEventTypes.erased]: (event) => erasure.erase(event),
      },
      batchHandlers: {
        [AppointmentEventTypes.booked]: (events) => appointments.handleEach('booked', events),
        [AppointmentEventTypes.rescheduled]: (events) => appointments.handleEach('rescheduled', events),
      },
    });
  }

  onModuleInit(): Promise<void> {
    return this.consumer.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.consumer.stop();
  }
}
