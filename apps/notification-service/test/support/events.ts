import { randomUUID } from 'node:crypto';
import { JSONCodec, type NatsConnection } from 'nats';
import {
  AppointmentEventTypes,
  eventSubject,
  type AppointmentView,
  type EventEnvelope,
} from '@arogyam/contracts';
import type { Clock } from '../../src/clock/clock';
import type { TestPerson } from './profile-services';

export type AppointmentEventType = (typeof AppointmentEventTypes)[keyof typeof AppointmentEventTypes];

/** An appointment between them, as appointment-service's events carry it. */
export function appointmentBetween(
  doctor: TestPerson,
  patient: TestPerson,
  startAt: Date,
  overrides: Partial<AppointmentView> = {},
): AppointmentView {
  return {
    id: randomUUID(),
    doctorId: doctor.id,
    patientId: patient.id,
    doctor: { id: doctor.id, fullName: doctor.fullName, specialization: doctor.specialization },
    patient: { id: patient.id, fullName: patient.fullName },
    startAt: startAt.toISOString(),
    endAt: new Date(startAt.getTime() + 15 * 60_000).toISOString(),
    mode: 'video',
    status: 'booked',
    createdAt: new Date().toISOString(),
    ...overrides,
  };
}

/** A new event, stamped at the service's (test-controlled) now. */
export function eventAt<TPayload>(
  clock: Clock,
  type: string,
  payload: TPayload,
): EventEnvelope<string, TPayload> {
  return { id: randomUUID(), type, version: 1, occurredAt: clock.now().toISOString(), payload };
}

const codec = JSONCodec<EventEnvelope>();

/**
 * The same event once more, without `Nats-Msg-Id`, so JetStream stores and delivers it again: what
 * the consumer sees when an ack was lost and the event comes back.
 */
export async function redeliver(nats: NatsConnection, event: EventEnvelope): Promise<void> {
  await nats.jetstream().publish(eventSubject(event.type), codec.encode(event));
}
