import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { AppointmentEventTypes } from '@arogyam/contracts';
import { startServiceUnderTest, waitFor, type ServiceUnderTest } from '@arogyam/testing';
import { AppointmentNotices } from '../src/events/appointment-notices';
import { ControlledClock } from './support/controlled-clock';
import { appointmentBetween, eventAt } from './support/events';
import { onClock } from './support/instances';
import { DevOutbox } from './support/outbox';
import { ProfileServices, type TestPerson } from './support/profile-services';

const DAY = 24 * 3_600_000;
const T0 = new Date('2026-11-20T06:00:00.000Z');

/**
 * What one `appointment.booked` costs notification-service in database commands, each a FerretDB
 * command and so a PostgreSQL transaction (docs/decisions.md, "A booking's statements"): a
 * statement more per booking is what this test is here to notice.
 */
describe('notification-service: the database commands of a booking', () => {
  const clock = new ControlledClock(T0);
  let service: ServiceUnderTest;
  let connection: Connection;
  let profiles: ProfileServices;
  const outbox = new DevOutbox();

  beforeAll(async () => {
    // No reminder poll or retention sweep runs while a booking is counted (each runs once at start).
    service = await startServiceUnderTest(onClock(clock), {
      ...outbox.env,
      REMINDER_POLL_SECONDS: '3600',
      RETENTION_SWEEP_SECONDS: '86400',
    });
    connection = service.app.get<Connection>(getConnectionToken());
    profiles = new ProfileServices(service.nats);
    await profiles.start();
  });

  afterAll(async () => {
    await service?.stop();
    outbox.remove();
  });

  const emailsTo = async (person: TestPerson): Promise<number> =>
    (await outbox.emails()).filter((email) => email.to === person.email).length;

  /** Publishes a booking and waits for both emails, the last thing its handling does. */
  const book = async (doctor: TestPerson, patient: TestPerson, startAt: Date): Promise<void> => {
    const [toDoctor, toPatient] = [await emailsTo(doctor), await emailsTo(patient)];
    await service.events.publish(
      eventAt(clock, AppointmentEventTypes.booked, appointmentBetween(doctor, patient, startAt)),
    );
    await waitFor(
      async () => (await emailsTo(doctor)) > toDoctor && (await emailsTo(patient)) > toPatient,
      10000,
      'the booking emailed to both',
    );
  };

  it('three: the reminders, the recipients, and the inbox entries and email claims together', async () => {
    const doctor = profiles.doctor('Meera Iyer');
    const patient = profiles.patient('Asha Rao', '+91 98450 12345');
    // Their first booking asks the profile services for their contacts and keeps the answers.
    await book(doctor, patient, new Date(T0.getTime() + 2 * DAY));
    // The start-up rounds are over once the six retention sweeps recorded how far they got.
    await waitFor(
      async () => (await service.db.collection('retentionSweeps').countDocuments({})) === 6,
      15000,
      'the start-up retention round',
    );

    const commands: string[] = [];
    connection.set('debug', (collection: string, operation: string) => {
      commands.push(`${collection}.${operation}`);
    });
    try {
      await book(doctor, patient, new Date(T0.getTime() + 3 * DAY));
      await new Promise((resolve) => setTimeout(resolve, 500)); // anything written after the sends
    } finally {
      connection.set('debug', false);
    }

    expect(commands).toEqual(['reminders.insertMany', 'preferences.find', 'notifications.insertMany']);
  });

  it('three for bookings that queued up together, each told and reminded as if alone', async () => {
    const doctor = profiles.doctor('Kavya Nair');
    const patients = ['Ravi Kumar', 'Imran Sheikh', 'Lata Menon'].map((name, n) =>
      profiles.patient(name, `+91 98450 1234${n}`),
    );
    // Their contacts are asked for once, on their first booking (the test above counts from there).
    for (const patient of patients) await book(doctor, patient, new Date(T0.getTime() + 2 * DAY));
    const events = patients.map((patient, n) =>
      eventAt(
        clock,
        AppointmentEventTypes.booked,
        appointmentBetween(doctor, patient, new Date(T0.getTime() + (4 + n) * DAY)),
      ),
    );
    const before = await Promise.all(patients.map(emailsTo));

    const commands: string[] = [];
    connection.set('debug', (collection: string, operation: string) => {
      commands.push(`${collection}.${operation}`);
    });
    try {
      await service.app.get(AppointmentNotices).handleEach('booked', events);
    } finally {
      connection.set('debug', false);
    }

    expect(commands).toEqual(['reminders.insertMany', 'preferences.find', 'notifications.insertMany']);
    const appointmentIds = events.map((event) => (event.payload as { id: string }).id);
    expect(
      await service.db.collection('reminders').countDocuments({ appointmentId: { $in: appointmentIds } }),
    ).toBe(6);
    for (const [n, patient] of patients.entries()) {
      expect(await emailsTo(patient)).toBe(before[n] + 1);
      expect(
        await service.db
          .collection('notifications')
          .countDocuments({ userId: patient.id, channel: 'inApp', 'data.appointmentId': appointmentIds[n] }),
      ).toBe(1);
    }
  });
});
