import type { Socket } from 'socket.io-client';
import { waitFor } from '@arogyam/testing';
import { httpClient } from './http';
import { socketPool } from './sockets';
import { registerPatient, verifiedDoctorWithHours, type Person } from './people';
import { ADMIN, startPlatform, type Platform } from './platform';

interface NotificationBody {
  id: string;
  title: string;
  body: string;
  readAt?: string | null;
}
interface InboxBody {
  items: NotificationBody[];
  total: number;
  unreadCount: number;
}

let platform: Platform;
let call: ReturnType<typeof httpClient>;
let patient: Person;
let doctor: Person;
const sockets = socketPool();
let socket: Socket;

beforeAll(async () => {
  platform = await startPlatform();
  call = httpClient(platform.baseUrl);
  const admin = await call<{ accessToken: string }>('POST', '/api/admin/login', { body: ADMIN });
  doctor = await verifiedDoctorWithHours(call, admin.body.accessToken, 'Dr Notify Nair');
  patient = await registerPatient(call, 'Pooja Notified');
  socket = await sockets.connect(platform.baseUrl, patient.token);
}, 90000);

afterAll(async () => {
  sockets.closeAll();
  await platform?.stop();
});

it('a booking reaches the patient live over the socket and in the inbox, which marks it read', async () => {
  const pushed: NotificationBody[] = [];
  socket.on('notification', (notification: NotificationBody) => pushed.push(notification));

  const startAt = new Date(Math.ceil((Date.now() + 72 * 3_600_000) / 3_600_000) * 3_600_000).toISOString();
  const booked = await call('POST', '/api/appointments', {
    token: patient.token,
    body: { doctorId: doctor.id, startAt, mode: 'video' },
  });
  expect(booked.status).toBe(201);

  await waitFor(() => pushed.length > 0, 10000, 'the booking notification to be pushed');
  expect(pushed[0].body).toContain('Dr Notify Nair');

  const inbox = await call<InboxBody>('GET', '/api/notifications', { token: patient.token });
  expect(inbox.status).toBe(200);
  expect(inbox.body.unreadCount).toBeGreaterThan(0);
  const stored = inbox.body.items.find((n) => n.id === pushed[0].id);
  expect(stored).toBeDefined();

  expect(
    (await call('POST', `/api/notifications/${pushed[0].id}/read`, { token: patient.token })).status,
  ).toBeLessThan(300);
  const after = await call<InboxBody>('GET', '/api/notifications', { token: patient.token });
  expect(after.body.unreadCount).toBe(inbox.body.unreadCount - 1);
  // Someone else's notification is not theirs to read.
  expect(
    (await call('POST', `/api/notifications/${pushed[0].id}/read`, { token: doctor.token })).status,
  ).toBe(404);
});
