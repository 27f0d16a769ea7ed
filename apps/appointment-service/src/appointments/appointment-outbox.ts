import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { EventPublisher } from '@arogyam/messaging';
import { OutboxRelay, outboxScheduleOf } from '@arogyam/persistence';
import { AppointmentServiceConfig } from '../config/appointment-service.config';
import { Appointment } from './appointment.schema';

/**
 * Relays the `evt.appointment.*` events parked in appointments' outboxes. Writers `drain` an
 * appointment before changing it and again before answering, instead of flushing in the
 * background: the relay's clean-up is a second update of the same document, and on FerretDB
 * (read-modify-write updates) one that overlapped a change could write the old document back.
 */
@Injectable()
export class AppointmentOutbox implements OnModuleInit, OnModuleDestroy {
  private readonly relay: OutboxRelay<Appointment>;

  constructor(
    @InjectModel(Appointment.name) appointments: Model<Appointment>,
    publisher: EventPublisher,
    config: AppointmentServiceConfig,
  ) {
    this.relay = new OutboxRelay(appointments, publisher, outboxScheduleOf(config));
  }

  onModuleInit(): void {
    this.relay.start();
  }

  onModuleDestroy(): void {
    this.relay.stop();
  }

  /** Publishes what the appointment's outbox holds; a failure is retried by the relay. */
  async drain(appointmentId: string): Promise<void> {
    await this.relay.flush(appointmentId).catch(() => undefined);
  }
}
