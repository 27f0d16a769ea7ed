import { waitFor } from '@arogyam/testing';
import { httpClient } from './http';
import { registerPatient, verifiedDoctorWithHours, type Person } from './people';
import { signInAdmin, startPlatform, type Platform } from './platform';

interface Page<T> {
  items: T[];
  total: number;
}
interface Notification {
  title: string;
  body: string;
}

let platform: Platform;
let call: ReturnType<typeof httpClient>;
let doctor: Person;

beforeAll(async () => {
  platform = await startPlatform();
  call = httpClient(platform.baseUrl);
  const admin = await signInAdmin(call);
  doctor = await verifiedDoctorWithHours(call, admin.token, 'Dr Durable Dsouza');
}, 90000);

afterAll(async () => {
  await platform?.stop();
});

/**
 * Consumers are durable JetStream consumers that ack after their own write: events published
 * while a consumer is down wait for it, and each one takes effect exactly once when it returns.
 */
it('events published while their consumers are stopped take effect exactly once when they return', async () => {
  const patients = await Promise.all(
    ['Asha', 'Bhavna', 'Chetan', 'Divya', 'Esha'].map((name) => registerPatient(call, `${name} Queued`)),
  );
  await platform.processes.get('chat-service')?.stop();
  await platform.processes.get('notification-service')?.stop();

  // Five bookings while chat and notifications are down: their events wait on JetStream.
  const firstHour = Math.ceil((Date.now() + 96 * 3_600_000) / 3_600_000) * 3_600_000;
  for (const [i, patient] of patients.entries()) {
    const booked = await call('POST', '/api/appointments', {
      token: patient.token,
      body: { doctorId: doctor.id, startAt: new Date(firstHour + i * 3_600_000).toISOString(), mode: 'chat' },
    });
    expect(booked.status).toBe(201);
  }

  await platform.startService('chat-service');
  await platform.startService('notification-service');

  // Each booking made exactly one chat room...
  const rooms = await waitFor(
    async () => {
      const answer = await call<unknown[]>('GET', '/api/chat/rooms', { token: doctor.token });
      return answer.status === 200 && answer.body.length >= 5 ? answer.body : undefined;
    },
    20000,
    'the five chat rooms',
  );
  expect(rooms).toHaveLength(5);

  // ...and exactly one booking notification for the doctor, none lost, none doubled.
  const bookingNotifications = async (): Promise<Notification[]> => {
    const inbox = await call<Page<Notification>>('GET', '/api/notifications?limit=50', {
      token: doctor.token,
    });
    return inbox.body.items;
  };
  await waitFor(async () => (await bookingNotifications()).length >= 5, 20000, 'the five notifications');
  // Give any duplicate delivery time to show up before counting.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const notifications = await bookingNotifications();
  expect(notifications).toHaveLength(5);
  for (const patient of ['Asha', 'Bhavna', 'Chetan', 'Divya', 'Esha']) {
    expect(notifications.filter((n) => `${n.title} ${n.body}`.includes(`${patient} Queued`))).toHaveLength(1);
  }
});
