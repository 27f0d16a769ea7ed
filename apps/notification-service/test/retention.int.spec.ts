import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AppointmentEventTypes,
  NotificationSubjects,
  type NotificationInboxPage,
  type NotificationView,
} from '@arogyam/contracts';
import { startServiceUnderTest, waitFor, type ServiceUnderTest } from '@arogyam/testing';
import { ReminderClaimRepository } from '../src/reminders/reminder-claim.repository';
import { ControlledClock } from './support/controlled-clock';
import { appointmentBetween, eventAt } from './support/events';
import { onClock } from './support/instances';
import { ProfileServices, type TestPerson } from './support/profile-services';

const DAY = 24 * 3_600_000;
const T0 = new Date('2026-11-20T06:00:00.000Z');
const at = (offsetMs: number): Date => new Date(T0.getTime() + offsetMs);

/**
 * No TTL indexes: a sweep every RETENTION_SWEEP_SECONDS deletes, by the service's clock, read
 * notifications (and email/SMS records) older than NOTIFICATION_RETENTION_DAYS, and reminders,
 * claims and cancellations of appointments that started over a week ago.
 */
describe('notification-service: retention', () => {
  const clock = new ControlledClock(T0);
  let service: ServiceUnderTest;
  let profiles: ProfileServices;
  let doctor: TestPerson;
  let patient: TestPerson;
  let outbox: string;

  beforeAll(async () => {
    outbox = mkdtempSync(join(tmpdir(), 'arogyam-outbox-'));
    service = await startServiceUnderTest(onClock(clock), {
      SMTP_URL: 'dev',
      NOTIFICATION_OUTBOX_DIR: outbox,
      NOTIFICATION_RETENTION_DAYS: '30',
      RETENTION_SWEEP_SECONDS: '1',
    });
    profiles = new ProfileServices(service.nats);
    await profiles.start();
    doctor = profiles.doctor('Meera Iyer');
    patient = profiles.patient('Asha Rao');
  });

  afterAll(async () => {
    await service?.stop();
    rmSync(outbox, { recursive: true, force: true });
  });

  const inbox = async (person: TestPerson): Promise<NotificationView[]> =>
    (
      await service.rpc.send<NotificationInboxPage>(NotificationSubjects.listInbox, {
        actor: { userId: person.id, role: person.role },
        query: { limit: 100 },
      })
    ).items;
  const count = (collection: string, filter: object = {}): Promise<number> =>
    service.db.collection(collection).countDocuments(filter);
  /** Two more sweeps than it takes to see `what`, so a wrong deletion would have happened by now. */
  const sweeps = () => new Promise((resolve) => setTimeout(resolve, 2500));

  it('keeps everything while it is young', async () => {
    const appointment = appointmentBetween(doctor, patient, at(2 * DAY));
    const cancelled = appointmentBetween(doctor, patient, at(3 * DAY));
    await service.events.publish(eventAt(clock, AppointmentEventTypes.booked, appointment));
    await service.events.publish(eventAt(clock, AppointmentEventTypes.booked, cancelled));
    // Cancelled once booked: a booking handled after its cancellation would write its reminders again.
    await waitFor(async () => (await count('reminders')) === 4, 15000, 'both bookings handled');
    await service.events.publish(
      eventAt(clock, AppointmentEventTypes.cancelled, { ...cancelled, status: 'cancelled' }),
    );
    await waitFor(
      async () =>
        (await inbox(patient)).length === 3 &&
        (await count('reminders')) === 2 &&
        (await count('reminderCancellations')) === 1 &&
        (await count('notifications', { channel: 'email' })) === 6,
      15000,
      'notifications, emails, reminders and the cancellation',
    );
    // A claim as the poller takes it, a day before the appointment.
    await service.app.get(ReminderClaimRepository).claim({
      _id: `${appointment.id}:24h@${appointment.startAt}`,
      reminderId: `${appointment.id}:24h`,
      startAt: new Date(appointment.startAt),
      claimedAt: at(DAY),
      claimedBy: 'test',
    });
    const [newest] = await inbox(patient);
    await service.rpc.send(NotificationSubjects.readInbox, {
      actor: { userId: patient.id, role: 'patient' },
      notificationId: newest.id,
    });

    clock.set(at(2 * DAY + 6 * DAY));
    await sweeps();

    expect(await inbox(patient)).toHaveLength(3);
    expect(await count('reminders')).toBe(2);
    expect(await count('reminderDeliveries')).toBe(1);
    expect(await count('reminderCancellations')).toBe(1);
  });

  it('a week after an appointment started, its reminders, claims and cancellation are gone', async () => {
    clock.set(at(3 * DAY + 7 * DAY + 60_000));

    await waitFor(
      async () =>
        (await count('reminders')) +
          (await count('reminderDeliveries')) +
          (await count('reminderCancellations')) ===
        0,
      10000,
      'the bookkeeping of past appointments to go',
    );
    expect(await inbox(patient)).toHaveLength(3);
    expect(await count('notifications', { channel: 'email' })).toBe(6);
  });

  it('after NOTIFICATION_RETENTION_DAYS, read notifications and email records go; unread ones stay', async () => {
    const before = await inbox(patient);
    const unread = before.filter((notification) => !notification.read).map((notification) => notification.id);
    expect(unread).toHaveLength(2);
    clock.set(at(30 * DAY - 60_000));
    await sweeps();
    expect(await inbox(patient)).toHaveLength(3);

    clock.set(at(30 * DAY + 60_000));

    await waitFor(async () => (await inbox(patient)).length === 2, 10000, 'the read notification to go');
    expect((await inbox(patient)).map((notification) => notification.id).sort()).toEqual(unread.sort());
    expect(await inbox(doctor)).toHaveLength(3);
    expect(await count('notifications', { channel: { $ne: 'inApp' } })).toBe(0);
  });

  it('a notification read only after it grew old goes at the next sweep; the other unread one stays', async () => {
    const [readLate, stillUnread] = (await inbox(patient)).map((notification) => notification.id);
    clock.advance(3 * DAY);
    await sweeps(); // the sweep of read notifications by the hour they were made is past theirs now
    expect(await inbox(patient)).toHaveLength(2);

    await service.rpc.send(NotificationSubjects.readInbox, {
      actor: { userId: patient.id, role: 'patient' },
      notificationId: readLate,
    });

    await waitFor(async () => (await inbox(patient)).length === 1, 10000, 'the late-read notification to go');
    expect((await inbox(patient)).map((notification) => notification.id)).toEqual([stillUnread]);
    await sweeps();
    expect(await inbox(patient)).toHaveLength(1);
    expect(await inbox(doctor)).toHaveLength(3);
  });

  it('after an outage of over a year, the first sweep catches up from where the last one got', async () => {
    const appointment = appointmentBetween(doctor, patient, new Date(clock.now().getTime() + 2 * DAY));
    await service.events.publish(eventAt(clock, AppointmentEventTypes.booked, appointment));
    const isNew = (notification: NotificationView) => notification.data.appointmentId === appointment.id;
    await waitFor(
      async () =>
        (await inbox(patient)).some(isNew) &&
        (await inbox(doctor)).some(isNew) &&
        (await count('notifications', { channel: 'email' })) === 2 &&
        (await count('reminders')) === 2,
      15000,
      'the new booking notified, by email too, and its reminders',
    );
    const [toPatient] = (await inbox(patient)).filter(isNew);
    await service.rpc.send(NotificationSubjects.readInbox, {
      actor: { userId: patient.id, role: 'patient' },
      notificationId: toPatient.id,
    });
    await sweeps();
    expect((await inbox(patient)).filter(isNew)).toHaveLength(1);

    clock.advance(400 * DAY);

    await waitFor(
      async () =>
        (await inbox(patient)).filter(isNew).length === 0 &&
        (await count('notifications', { channel: 'email' })) === 0 &&
        (await count('reminders')) === 0,
      15000,
      'the read notification, the email records and the reminders to go',
    );
    expect((await inbox(doctor)).filter(isNew)).toHaveLength(1); // unread: stays
    expect(await inbox(patient)).toHaveLength(1);
  });
});
