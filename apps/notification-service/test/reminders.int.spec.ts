import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestMicroservice } from '@nestjs/common';
import {
  AppointmentEventTypes,
  NotificationSubjects,
  type AppointmentView,
  type NotificationView,
} from '@arogyam/contracts';
import { startServiceUnderTest, waitFor, type ServiceUnderTest } from '@arogyam/testing';
import { ControlledClock } from './support/controlled-clock';
import { appointmentBetween, eventAt } from './support/events';
import { onClock, startAnotherInstance } from './support/instances';
import { readOutbox, type OutboxEmail, type OutboxSms } from './support/outbox';
import { ProfileServices, type TestPerson } from './support/profile-services';
import { RealtimeWatcher } from './support/realtime';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const T0 = new Date('2026-11-20T06:00:00.000Z');
const at = (offsetMs: number): Date => new Date(T0.getTime() + offsetMs);

/**
 * Two instances of notification-service on one database and one NATS, on one clock the test moves:
 * both poll every second and race for every reminder, and each reminder must still reach each side
 * once, on every channel, and never again after an instance restarts.
 */
describe('notification-service: reminders across instances', () => {
  const clock = new ControlledClock(T0);
  let first: ServiceUnderTest;
  let second: INestMicroservice;
  let profiles: ProfileServices;
  let realtime: RealtimeWatcher;
  let outbox: string;
  let env: Record<string, string>;

  let doctor: TestPerson;
  let booked: AppointmentView[];
  let cancelled: AppointmentView;
  let cancelledBeforeBooked: AppointmentView;
  let moved: AppointmentView;

  beforeAll(async () => {
    outbox = mkdtempSync(join(tmpdir(), 'arogyam-outbox-'));
    env = { SMTP_URL: 'dev', NOTIFICATION_OUTBOX_DIR: outbox, REMINDER_POLL_SECONDS: '1' };
    first = await startServiceUnderTest(onClock(clock), { ...env, INSTANCE_ID: 'first' });
    second = await startAnotherInstance(first, clock, { ...env, INSTANCE_ID: 'second' });
    profiles = new ProfileServices(first.nats);
    await profiles.start();
    realtime = new RealtimeWatcher(first.nats);
    await realtime.start();

    doctor = profiles.doctor('Meera Iyer');
    const patient = (n: number) =>
      profiles.patient(`Patient ${'ABCDEFGHI'[n]}`, `98450${String(n).padStart(5, '0')}`);
    // Six appointments two minutes apart, the day after tomorrow; one to cancel, one to move a day
    // later, and one whose cancellation is handled before its booking (each type has its consumer).
    booked = Array.from({ length: 6 }, (_, n) =>
      appointmentBetween(doctor, patient(n), at(2 * DAY + n * 2 * MINUTE)),
    );
    cancelled = appointmentBetween(doctor, patient(6), at(2 * DAY + 20 * MINUTE));
    const original = appointmentBetween(doctor, patient(7), at(2 * DAY + 30 * MINUTE));
    moved = {
      ...original,
      startAt: at(3 * DAY).toISOString(),
      endAt: at(3 * DAY + 15 * MINUTE).toISOString(),
    };
    cancelledBeforeBooked = appointmentBetween(doctor, patient(8), at(2 * DAY + 5 * MINUTE));

    const reminders = first.db.collection('reminders');
    const bookedEvent = eventAt(clock, AppointmentEventTypes.booked, cancelledBeforeBooked);
    clock.advance(MINUTE);
    await first.events.publish(
      eventAt(clock, AppointmentEventTypes.cancelled, { ...cancelledBeforeBooked, status: 'cancelled' }),
    );
    await waitFor(
      async () =>
        (await first.db
          .collection('reminderCancellations')
          .countDocuments({ _id: cancelledBeforeBooked.id } as object)) === 1,
      15000,
      'the cancellation handled first',
    );
    // The booking, handled late, writes its reminders: reading the cancellation first would cost
    // every booking a statement. The poller reads it before sending, so they never go.
    await first.events.publish(bookedEvent);
    for (const appointment of [...booked, cancelled, original]) {
      await first.events.publish(eventAt(clock, AppointmentEventTypes.booked, appointment));
    }
    await waitFor(
      async () => (await reminders.countDocuments({})) === 18,
      15000,
      'the reminders of 9 appointments',
    );
    clock.advance(MINUTE);
    await first.events.publish(
      eventAt(clock, AppointmentEventTypes.cancelled, { ...cancelled, status: 'cancelled' }),
    );
    await first.events.publish(eventAt(clock, AppointmentEventTypes.rescheduled, moved));
    await waitFor(
      async () => {
        const movedReminder = await reminders.findOne({ _id: `${moved.id}:24h` } as object);
        return (
          (await reminders.countDocuments({})) === 16 &&
          (await reminders.countDocuments({ appointmentId: cancelled.id })) === 0 &&
          movedReminder?.startAt.toISOString() === moved.startAt
        );
      },
      15000,
      'the reminders of 8 appointments, the cancelled one removed and the moved one moved',
    );
  });

  afterAll(async () => {
    realtime?.stop();
    await second?.close();
    await first?.stop();
    rmSync(outbox, { recursive: true, force: true });
  });

  const inbox = async (person: TestPerson): Promise<NotificationView[]> =>
    (
      await first.rpc.send<{ items: NotificationView[] }>(NotificationSubjects.listInbox, {
        actor: { userId: person.id, role: person.role },
        query: { limit: 100 },
      })
    ).items;
  const patientOf = (appointment: AppointmentView): TestPerson =>
    ({ id: appointment.patient.id, role: 'patient', fullName: appointment.patient.fullName }) as TestPerson;

  /** Every in-app reminder of this lead, by appointment and reader. */
  const reminders = async (lead: '24h' | '15m'): Promise<NotificationView[]> => {
    const everyone = [doctor, ...[...booked, cancelled, cancelledBeforeBooked, moved].map(patientOf)];
    const all = (await Promise.all(everyone.map(inbox))).flat();
    return all.filter((item) => item.kind === 'reminder' && item.id.includes(`:${lead}@`));
  };
  const count = (items: { id: string }[], appointment: AppointmentView, lead: string): number =>
    items.filter((item) => item.id.startsWith(`${appointment.id}:${lead}@`)).length;
  const emails = () => readOutbox<OutboxEmail>(join(outbox, 'email'));
  const texts = () => readOutbox<OutboxSms>(join(outbox, 'sms'));
  const settle = () => new Promise((resolve) => setTimeout(resolve, 3500));

  /** Once per side in-app, pushed once each, one email each, one SMS to the patient; none for the cancelled ones. */
  const expectSentOnce = async (lead: '24h' | '15m', appointments: AppointmentView[]) => {
    const inApp = await reminders(lead);
    const pushed = realtime.pushes.map((push) => push.notification);
    const [mail, sms] = [await emails(), await texts()];
    for (const appointment of appointments) {
      expect(count(inApp, appointment, lead)).toBe(2);
      expect(count(pushed, appointment, lead)).toBe(2);
      expect(count(mail, appointment, lead)).toBe(2);
      expect(count(sms, appointment, lead)).toBe(1);
    }
    for (const reminder of [inApp, pushed, mail, sms].flat()) {
      expect(reminder.id.startsWith(cancelled.id)).toBe(false);
      expect(reminder.id.startsWith(cancelledBeforeBooked.id)).toBe(false);
    }
  };

  it('24 hours ahead: each booked appointment is reminded once to each side, the cancelled and the moved one not', async () => {
    clock.set(at(DAY + 11 * MINUTE));
    await waitFor(async () => (await reminders('24h')).length >= 12, 15000, '12 reminders');
    await settle(); // several more polling rounds of both instances
    expect(await reminders('24h')).toHaveLength(12);
    await expectSentOnce('24h', booked);
    expect(count(await reminders('24h'), moved, '24h')).toBe(0);

    const patient = patientOf(booked[0]);
    const [toPatient] = (await inbox(patient)).filter((item) => item.kind === 'reminder');
    expect(toPatient).toMatchObject({
      title: 'Reminder: video consultation with Dr. Meera Iyer in 24 hours',
      body:
        'Your video consultation with Dr. Meera Iyer (Cardiology) starts in 24 hours, on ' +
        'Sunday, 22 November 2026 at 11:30 am IST. Join from the appointment page in Arogyam.',
      data: { appointmentId: booked[0].id },
    });
  });

  it('15 minutes ahead: once more each, and the 24-hour ones are not repeated', async () => {
    clock.set(at(2 * DAY - 4 * MINUTE));
    await waitFor(async () => (await reminders('15m')).length >= 12, 15000, '12 reminders');
    await settle();
    expect(await reminders('15m')).toHaveLength(12);
    expect(await reminders('24h')).toHaveLength(12);
    await expectSentOnce('15m', booked);
    await expectSentOnce('24h', booked);
  });

  it('an instance stopped and started again sends nothing twice, while the reminders are still due', async () => {
    await second.close();
    second = await startAnotherInstance(first, clock, { ...env, INSTANCE_ID: 'second-again' });
    clock.advance(2 * MINUTE); // still inside every 15-minute window
    await settle();
    expect(await reminders('15m')).toHaveLength(12);
    expect(await reminders('24h')).toHaveLength(12);
    await expectSentOnce('15m', booked);
  });

  it('the moved appointment is reminded 24 hours before its new time', async () => {
    clock.set(at(2 * DAY + MINUTE));
    await waitFor(async () => count(await reminders('24h'), moved, '24h') === 2, 15000, 'the moved reminder');
    await settle();
    await expectSentOnce('24h', [...booked, moved]);
    const [toPatient] = (await inbox(patientOf(moved))).filter((item) => item.kind === 'reminder');
    expect(toPatient.body).toContain('on Monday, 23 November 2026 at 11:30 am IST');

    // One claim per occurrence, each completed: 6 × 2 leads + the moved one's 24-hour reminder
    // sent; the two of the appointment booked after its cancellation withdrawn.
    const all = await first.db.collection('reminderDeliveries').find({}).toArray();
    const withdrawn = all.filter((claim) => String(claim._id).startsWith(cancelledBeforeBooked.id));
    const claims = all.filter((claim) => !withdrawn.includes(claim));
    expect(claims).toHaveLength(13);
    expect(claims.every((claim) => claim.outcome === 'sent' && claim.completedAt)).toBe(true);
    expect(withdrawn).toHaveLength(2);
    expect(withdrawn.every((claim) => claim.outcome === 'withdrawn' && claim.completedAt)).toBe(true);
    const claimers = claims.map((claim) => String(claim.claimedBy));
    expect(claimers.every((claimer) => ['first', 'second', 'second-again'].includes(claimer))).toBe(true);
  });

  it('a reminder that fell due 20 hours ago, while no instance polled, still goes while it is worth sending', async () => {
    const otherDoctor = profiles.doctor('Kavya Menon');
    const patient = profiles.patient('Patient Z', '9845099999');
    const appointment = appointmentBetween(otherDoctor, patient, at(6 * DAY));
    await first.events.publish(eventAt(clock, AppointmentEventTypes.booked, appointment));
    await waitFor(
      async () =>
        (await first.db.collection('reminders').countDocuments({ appointmentId: appointment.id })) === 2,
      15000,
      'its reminders',
    );
    const remindersOf = async (person: TestPerson, lead: string) =>
      (await inbox(person)).filter((item) => item.kind === 'reminder' && item.id.includes(`:${lead}@`));

    clock.set(at(6 * DAY - 4 * 60 * MINUTE)); // 20 hours after its 24-hour reminder fell due

    await waitFor(
      async () =>
        (await remindersOf(otherDoctor, '24h')).length === 1 &&
        (await remindersOf(patient, '24h')).length === 1,
      15000,
      'the 24-hour reminder to both',
    );
    await settle();
    expect(await remindersOf(patient, '24h')).toHaveLength(1);
    expect(await remindersOf(patient, '15m')).toHaveLength(0);
  });
});
