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
    await service.db.collection('reminderDeliveries').insertOne({
      _id: `${appointment.id}:24h@${appointment.startAt}`,
      reminderId: `${appointment.id}:24h`,
      startAt: new Date(appointment.startAt),
      claimedAt: at(DAY),
      claimedBy: 'test',
    } as object);
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
});
