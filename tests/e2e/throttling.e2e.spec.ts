import { waitFor } from '@arogyam/testing';
import { httpClient } from './http';
import { registerPatient, verifiedDoctorWithHours, type Person } from './people';
import { ADMIN, startPlatform, type Platform } from './platform';
import { ask, socketPool } from './sockets';

/**
 * Limits that hold with two gateway replicas behind one proxy: the auth budget is one per client
 * address across every auth route and replica, the address is the one the proxy saw (a client
 * cannot write its own), and each person's bookings and chat messages draw on one budget.
 */

const AUTH_LIMIT = 6;
let platform: Platform;
let first: ReturnType<typeof httpClient>;
let second: ReturnType<typeof httpClient>;
let doctor: Person;
const sockets = socketPool();

/** As nginx forwards it: whatever the client claimed, then the address nginx saw. */
const behindProxy = (seenByProxy: string, claimed?: string) => ({
  'x-forwarded-for': claimed ? `${claimed}, ${seenByProxy}` : seenByProxy,
});

beforeAll(async () => {
  platform = await startPlatform({
    TRUST_PROXY: '1',
    AUTH_THROTTLE_IP_LIMIT: String(AUTH_LIMIT),
    // Counts are exact within one clock-aligned window and estimated across its end (the previous
    // window weighed as if spread evenly): an hour makes a test straddling one a one-in-thousands
    // event rather than one in sixty.
    AUTH_THROTTLE_WINDOW_SECONDS: '3600',
    LOGIN_THROTTLE_LIMIT: '100',
    BOOKING_BUDGET_PER_HOUR: '2',
    MESSAGE_BUDGET_PER_MINUTE: '3',
  });
  first = httpClient(platform.baseUrl);
  second = httpClient(await platform.startGateway());
  const admin = await first<{ accessToken: string }>('POST', '/api/admin/login', {
    body: ADMIN,
    headers: behindProxy('10.0.0.1'),
  });
  doctor = await verifiedDoctorWithHours(first, admin.body.accessToken, 'Dr Budget Bose');
}, 90000);

afterAll(async () => {
  sockets.closeAll();
  await platform?.stop();
});

it('counts one auth budget per client address across routes and gateway replicas', async () => {
  const client = behindProxy('10.0.0.21');
  const login = { email: 'nobody@e2e.test', password: 'not-the-password' };
  const answers = [
    await first('POST', '/api/patients/register', { body: {}, headers: client }),
    await first('POST', '/api/doctors/register', { body: {}, headers: client }),
    await second('POST', '/api/patients/login', { body: login, headers: client }),
    await second('POST', '/api/doctors/login', { body: login, headers: client }),
    await first('POST', '/api/auth/refresh', { body: { refreshToken: 'x'.repeat(40) }, headers: client }),
    await second('POST', '/api/auth/refresh', { body: { refreshToken: 'x'.repeat(40) }, headers: client }),
  ];
  expect(answers.map((answer) => answer.status).filter((status) => status === 429)).toEqual([]);
  const over = await first('POST', '/api/patients/login', { body: login, headers: client });
  expect(over.status).toBe(429);
  expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
  // Another client's budget is its own.
  expect(
    (await second('POST', '/api/patients/login', { body: login, headers: behindProxy('10.0.0.22') })).status,
  ).toBe(401);
});

it('takes the address the proxy saw, not the one a client writes into X-Forwarded-For', async () => {
  const login = { email: 'nobody@e2e.test', password: 'not-the-password' };
  const statuses: number[] = [];
  for (let i = 0; i <= AUTH_LIMIT; i++) {
    const client = behindProxy('10.0.0.31', `6.6.6.${i}`);
    statuses.push(
      (await (i % 2 ? second : first)('POST', '/api/patients/login', { body: login, headers: client }))
        .status,
    );
  }
  expect(statuses).toEqual([...Array<number>(AUTH_LIMIT).fill(401), 429]);
});

it('gives each patient one booking budget across replicas', async () => {
  const patient = await registerPatient(second, 'Budget Patient');
  const other = await registerPatient(second, 'Other Patient');
  const slotAt = (hours: number) =>
    new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + hours * 3_600_000).toISOString();
  const book = (client: typeof first, who: Person, hours: number) =>
    client('POST', '/api/appointments', {
      token: who.token,
      body: { doctorId: doctor.id, startAt: slotAt(hours), mode: 'video' },
    });
  expect((await book(first, patient, 30)).status).toBe(201);
  expect((await book(second, patient, 31)).status).toBe(201);
  const over = await book(first, patient, 32);
  expect(over.status).toBe(429);
  expect(over.body).toMatchObject({ message: expect.stringContaining('limit of 2 bookings per hour') });
  expect((await book(second, other, 33)).status).toBe(201);
});

it('gives each person one message budget over HTTP and sockets together', async () => {
  const patient = await registerPatient(first, 'Chatty Patient');
  const booked = await first<{ id: string }>('POST', '/api/appointments', {
    token: patient.token,
    body: {
      doctorId: doctor.id,
      startAt: new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 40 * 3_600_000).toISOString(),
      mode: 'chat',
    },
  });
  expect(booked.status).toBe(201);
  const roomId = `${doctor.id}:${patient.id}`;
  const send = (client: typeof first, body: string) =>
    client('POST', `/api/chat/rooms/${roomId}/messages`, { token: patient.token, body: { body } });
  // The room comes from the booking's event (reading it costs no message budget).
  await waitFor(
    async () => (await first('GET', `/api/chat/rooms/${roomId}`, { token: patient.token })).status === 200,
    15_000,
    'the chat room',
  );
  expect((await send(first, 'one')).status).toBe(201);
  expect((await send(second, 'two')).status).toBe(201);
  const socket = await sockets.connect(platform.baseUrl, patient.token);
  expect(await ask(socket, 'chat:send', { roomId, body: 'three', clientId: 'c3' })).toMatchObject({
    body: 'three',
  });
  expect(await ask(socket, 'chat:send', { roomId, body: 'four', clientId: 'c4' })).toMatchObject({
    error: 'rate_limited',
  });
  expect((await send(second, 'five')).status).toBe(429);
});
