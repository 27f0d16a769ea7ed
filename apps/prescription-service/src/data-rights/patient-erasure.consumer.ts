import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { NatsConnection } from 'nats';
import { ERASED_PATIENT_NAME, UserEventTypes, erasedPatientOf, type EventEnvelope } from '@arogyam/contracts';
import { EventConsumer, NATS_CONNECTION } from '@arogyam/messaging';
import { Prescription } from '../prescriptions/prescription.schema';

/**
 * prescription-service's durable consumer (`prescription-service_user_erased`), of a patient's `user.erased`:
 * prescriptions are kept, as the law requires of the doctor, and the patient's name on them
 * becomes "Deleted patient" (they hold no contact details; their PDF is drawn from them on each
 * read, so no copy keeps the name). The same value again on a redelivery.
 */
@Injectable()
export class PatientErasureConsumer implements OnModuleInit, OnModuleDestroy {
  private readonly consumer: EventConsumer;

  constructor(
    @Inject(NATS_CONNECTION) connection: NatsConnection,
    @InjectModel(Prescription.name) private readonly prescriptions: Model<Prescription>,
  ) {
    this.consumer = new EventConsumer(connection, {
      service: 'prescription',
      handlers: { [UserEventTypes.erased]: (event) => this.erase(event) },
    });
  }

  onModuleInit(): Promise<void> {
    return this.consumer.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.consumer.stop();
  }

  async erase(event: EventEnvelope): Promise<void> {
    const patientId = erasedPatientOf(event);
    if (!patientId) return;
    // The driver's own update: an issued prescription is immutable to the application, and this
    // is the one change the law asks of it.
    await this.prescriptions.collection.updateMany(
      { patientId },
      { $set: { 'patient.fullName': ERASED_PATIENT_NAME } },
    );
  }
}
