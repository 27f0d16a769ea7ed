import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import {
  AppointmentEventTypes,
  UserEventTypes,
  type AppointmentView,
  type EventEnvelope,
} from '@arogyam/contracts';
import { EventConsumer, NATS_CONNECTION } from '@arogyam/messaging';
import { PatientErasure } from '../data-rights/patient-erasure';
import { ChatRoomsService } from './chat-rooms.service';

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** What opening a room needs of the booked appointment. */
const hasParties = (appointment: Partial<AppointmentView> | undefined): appointment is AppointmentView =>
  isText(appointment?.doctorId) &&
  isText(appointment?.patientId) &&
  isText(appointment?.doctor?.fullName) &&
  isText(appointment?.patient?.fullName);

/**
 * Opens a doctor–patient room when an appointment between them is booked, through chat-service's
 * durable consumer of that type (`chat-service_appointment_booked`, shared by its instances). The event is acked after the
 * room is stored; a redelivery, or the pair's next appointment, finds the room and changes nothing.
 * Bookings that queued up meanwhile open their rooms together.
 * Its sibling takes a patient's `user.erased` (data-rights/), after the bookings stored before it.
 */
@Injectable()
export class AppointmentBookingsConsumer implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AppointmentBookingsConsumer.name);
  private readonly consumer: EventConsumer;

  constructor(
    @Inject(NATS_CONNECTION) connection: NatsConnection,
    private readonly rooms: ChatRoomsService,
    erasure: PatientErasure,
  ) {
    this.consumer = new EventConsumer(connection, {
      service: 'chat',
      handlers: {
        [AppointmentEventTypes.booked]: (event) => this.onBooked([event]),
        [UserEventTypes.erased]: (event) => erasure.erase(event),
      },
      batchHandlers: { [AppointmentEventTypes.booked]: (events) => this.onBooked(events) },
    });
  }

  onModuleInit(): Promise<void> {
    return this.consumer.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.consumer.stop();
  }

  /** Rooms for the bookings' pairs, opened together (one read and one insert for many). */
  private async onBooked(events: EventEnvelope[]): Promise<void> {
    const appointments = events.flatMap((event) => {
      const appointment = event.payload as Partial<AppointmentView> | undefined;
      if (hasParties(appointment)) return [appointment];
      // Redelivery cannot mend a malformed payload: log it for an operator and ack it.
      this.logger.error(`Ignoring ${event.type} ${event.id}: it names no doctor and patient`);
      return [];
    });
    await this.rooms.open(appointments);
  }
}
