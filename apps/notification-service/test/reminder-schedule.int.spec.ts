import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppointmentView } from '@arogyam/contracts';
import { utcHour } from '@arogyam/persistence';
import { startServiceUnderTest, type ServiceUnderTest } from '@arogyam/testing';
import { REMINDER_LEADS } from '../src/reminders/reminder-leads';
import {
  reminderId,
  ReminderSchedule,
  type AppointmentChangeFact,
} from '../src/reminders/reminder-schedule.service';
import { ControlledClock } from './support/controlled-clock';
import { appointmentBetween } from './support/events';
import { onClock } from './support/instances';
import type { TestPerson } from './support/profile-services';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const T0 = new Date('2026-11-20T06:00:00.000Z');
const at = (offsetMs: number): Date => new Date(T0.getTime() + offsetMs);

const doctor: TestPerson = {
  id: randomUUID(),
  role: 'doctor',
  fullName: 'Meera Iyer',
  email: 'meera@example.test',
  specialization: 'Cardiology',
};
const patient: TestPerson = {
  id: randomUUID(),
  role: 'patient',
  fullName: 'Asha Rao',
  email: 'asha@example.test',
  specialization: '',
};

/**
 * The reminders an appointment's events write, whatever order the events arrive in: the newest
 * event's state stays, a repeat writes nothing, and two events handled at once leave the newer one.
 * Drives the service's ReminderSchedule directly (the consumer hands it one event at a time; two
 * instances can hand it two at once) on the real database.
 */
describe('notification-service: reminder writes ordered by event time', () => {
  const clock = new ControlledClock(T0);
  let service: ServiceUnderTest;
  let schedule: ReminderSchedule;
  let outbox: string;

  beforeAll(async () => {
    outbox = mkdtempSync(join(tmpdir(), 'arogyam-outbox-'));
    service = await startServiceUnderTest(onClock(clock), {
      SMTP_URL: 'dev',
      NOTIFICATION_OUTBOX_DIR: outbox,
    });
    schedule = service.app.get(ReminderSchedule);
  });

  afterAll(async () => {
    await service?.stop();
    rmSync(outbox, { recursive: true, force: true });
  });

  /** An event of the appointment: it starts at `startAt`, the event happened at `occurredAt`. */
  const change = (appointment: AppointmentView, startAt: Date, occurredAt: Date): AppointmentChangeFact => ({
    eventId: randomUUID(),
    occurredAt,
    appointment: {
      ...appointment,
      startAt: startAt.toISOString(),
      endAt: new Date(startAt.getTime() + 15 * MINUTE).toISOString(),
    },
  });
  const stored = (appointmentId: string) =>
    Promise.all(
      REMINDER_LEADS.map((lead) =>
        service.db.collection('reminders').findOne({ _id: reminderId(appointmentId, lead) } as object),
      ),
    );
  /** Both reminders hold this event's state. */
  const expectStateOf = async (fact: AppointmentChangeFact) => {
    const reminders = await stored(fact.appointment.id);
    for (const reminder of reminders) {
      expect(reminder).toMatchObject({
        eventId: fact.eventId,
        eventAt: fact.occurredAt,
        startAt: new Date(fact.appointment.startAt),
      });
    }
  };
  const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('a booked event, then an older rescheduled one: the booked state stays, untouched', async () => {
    const appointment = appointmentBetween(doctor, patient, at(3 * DAY));
    const booked = change(appointment, at(3 * DAY), at(2 * MINUTE));
    const olderMove = change(appointment, at(4 * DAY), at(MINUTE));

    await schedule.schedule([booked]);
    const before = await stored(appointment.id);
    await pause();
    await schedule.schedule([olderMove]);

    await expectStateOf(booked);
    expect(await stored(appointment.id)).toEqual(before); // `updatedAt` too: not written again
  });

  it('the same event handled twice writes once', async () => {
    const appointment = appointmentBetween(doctor, patient, at(3 * DAY));
    const booked = change(appointment, at(3 * DAY), at(MINUTE));

    await schedule.schedule([booked]);
    const before = await stored(appointment.id);
    await pause();
    await schedule.schedule([booked]);

    await expectStateOf(booked);
    expect(await stored(appointment.id)).toEqual(before);
  });

  it('a newer event after an older one replaces its state', async () => {
    const appointment = appointmentBetween(doctor, patient, at(3 * DAY));
    const booked = change(appointment, at(3 * DAY), at(MINUTE));
    // Moved to 20 minutes from its event: the 24-hour reminder is already pointless.
    const moved = change(appointment, at(22 * MINUTE), at(2 * MINUTE));

    await schedule.schedule([booked]);
    await schedule.schedule([moved]);

    await expectStateOf(moved);
    const [dayAhead, quarterHourAhead] = await stored(appointment.id);
    expect(dayAhead).toMatchObject({
      active: false,
      dueAt: at(22 * MINUTE - DAY),
      dueHour: utcHour(at(22 * MINUTE - DAY)),
      sweepHour: utcHour(at(22 * MINUTE)),
    });
    expect(quarterHourAhead).toMatchObject({
      active: true,
      dueAt: at(7 * MINUTE),
      dueHour: utcHour(at(7 * MINUTE)),
      sweepHour: utcHour(at(22 * MINUTE)),
    });
  });

  it('two events handled at once leave the newer one, whichever is written first', async () => {
    const appointments = Array.from({ length: 8 }, () => appointmentBetween(doctor, patient, at(3 * DAY)));
    const pairs = appointments.map((appointment) => ({
      older: change(appointment, at(3 * DAY), at(MINUTE)),
      newer: change(appointment, at(5 * DAY), at(2 * MINUTE)),
    }));

    await Promise.all(
      pairs.map(({ older, newer }, n) =>
        Promise.all(
          n % 2 === 0
            ? [schedule.schedule([older]), schedule.schedule([newer])]
            : [schedule.schedule([newer]), schedule.schedule([older])],
        ),
      ),
    );

    for (const { newer } of pairs) await expectStateOf(newer);
  });

  it('a cancellation removes both reminders; an event handled after it writes them without reading it', async () => {
    const appointment = appointmentBetween(doctor, patient, at(3 * DAY));
    const other = appointmentBetween(doctor, patient, at(3 * DAY));
    await schedule.schedule([change(appointment, at(3 * DAY), at(MINUTE))]);
    await schedule.schedule([change(other, at(3 * DAY), at(MINUTE))]);

    await schedule.cancel(change(appointment, at(3 * DAY), at(2 * MINUTE)));

    expect(await stored(appointment.id)).toEqual([null, null]);
    expect((await stored(other.id)).every((reminder) => reminder !== null)).toBe(true);

    // A booking's reminders are written without a read of the cancellation (a statement per
    // booking); the poller reads it before sending, so these are never sent (reminders spec).
    await schedule.schedule([change(appointment, at(4 * DAY), at(3 * MINUTE))]);
    expect((await stored(appointment.id)).every((reminder) => reminder !== null)).toBe(true);
  });

  it('the cancellation of an appointment that started weeks ago is filed where the retention sweep still looks', async () => {
    const appointment = appointmentBetween(doctor, patient, at(-30 * DAY));
    const recent = appointmentBetween(doctor, patient, at(3 * DAY));

    await schedule.cancel(change(appointment, at(-30 * DAY), at(MINUTE)));
    await schedule.cancel(change(recent, at(3 * DAY), at(MINUTE)));

    const cancellations = service.db.collection('reminderCancellations');
    // A week before now is as far back as the sweep has reached: older hours it never reads again.
    expect(await cancellations.findOne({ _id: appointment.id } as object)).toMatchObject({
      startAt: at(-30 * DAY),
      sweepHour: utcHour(at(-7 * DAY)),
    });
    expect(await cancellations.findOne({ _id: recent.id } as object)).toMatchObject({
      sweepHour: utcHour(at(3 * DAY)),
    });
  });
});
