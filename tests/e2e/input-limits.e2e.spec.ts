import type { ChatMessageView } from '@arogyam/contracts';
import { waitFor } from '@arogyam/testing';
import { httpClient } from './http';
import { CONSENT, bookFirstFreeSlot, registerPatient, verifiedDoctorWithHours, type Person } from './people';
import { ADMIN, signInAdmin, startPlatform, type Platform } from './platform';
import { ask, socketPool } from './sockets';

/**
 * Fixed regressions of the security issue's item 2: emoji counted one way by the gateway and
 * another by the database answered 500 (and logged the message), and a 3,000-deep body overflowed
 * the stack in validation.
 */
let platform: Platform;
let call: ReturnType<typeof httpClient>;
let patient: Person;
let doctor: Person;
let roomId: string;
const pool = socketPool();

const CLINICAL = 'HIV+ CD4 200 regression-marker-5d1e';
const emoji = (count: number): string => '🩺'.repeat(count);
const nested = (depth: number): unknown => {
  let value: unknown = CLINICAL;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};
const logs = (): string => [...platform.processes.values()].map((p) => p.output()).join('\n');

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n% report\n'), Buffer.alloc(1000, 7)]);
async function uploadRecord(title: string, recordedOn?: string): Promise<number> {
  const form = new FormData();
  form.append('title', title);
  if (recordedOn) form.append('recordedOn', recordedOn);
  form.append('kind', 'lab_report');
  form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'report.pdf');
  const response = await fetch(`${platform.baseUrl}/api/patients/me/health-records`, {
    method: 'POST',
    headers: { authorization: `Bearer ${patient.token}` },
    body: form,
  });
  await response.arrayBuffer();
  return response.status;
}

beforeAll(async () => {
  platform = await startPlatform({ AUTH_THROTTLE_IP_LIMIT: '1000' });
  call = httpClient(platform.baseUrl);
  const adminToken = (await signInAdmin(call)).token;
  doctor = await verifiedDoctorWithHours(call, adminToken, 'Dr Emoji Count');
  patient = await registerPatient(call, 'Emoji Patient');
  await bookFirstFreeSlot(call, doctor, patient, 'chat');
  roomId = `${doctor.id}:${patient.id}`;
  await waitFor(
    async () => (await call('GET', `/api/chat/rooms/${roomId}`, { token: patient.token })).status === 200,
    10000,
    'the chat room of the booking',
  );
}, 120000);

afterAll(async () => {
  pool.closeAll();
  await platform?.stop();
});

describe('text is counted once, in code points', () => {
  it('a chat message of 2,001 and of 4,000 emoji is stored whole; 4,001 is a 400', async () => {
    for (const count of [2001, 4000]) {
      const sent = await call<ChatMessageView>('POST', `/api/chat/rooms/${roomId}/messages`, {
        token: patient.token,
        body: { body: emoji(count) },
      });
      expect(sent.status).toBe(201);
      expect(sent.body.body).toBe(emoji(count));
    }
    const over = await call('POST', `/api/chat/rooms/${roomId}/messages`, {
      token: patient.token,
      body: { body: `${CLINICAL} ${emoji(4000)}` },
    });
    expect(over.status).toBe(400);
    expect(over.body).toMatchObject({ details: [{ field: 'body', problem: expect.stringMatching(/4000/) }] });
  });

  it('over a socket too', async () => {
    const socket = await pool.connect(platform.baseUrl, patient.token);
    const sent = await ask<ChatMessageView>(socket, 'chat:send', {
      roomId,
      body: emoji(3000),
      clientId: 'emoji-1',
    });
    expect(sent.body).toBe(emoji(3000));
  });

  it('a health record titled with 150 (and 200) emoji is stored; 201 is a 400', async () => {
    expect(await uploadRecord(emoji(150))).toBe(201);
    expect(await uploadRecord(emoji(200))).toBe(201);
    expect(await uploadRecord(emoji(201))).toBe(400);
  });
});

describe('nesting is refused before validation', () => {
  it.each([
    ['POST', '/api/patients/login'],
    ['POST', '/api/patients/register'],
    ['POST', '/api/auth/refresh'],
    ['POST', '/api/appointments'],
    ['POST', `/api/chat/rooms/ROOM/messages`],
  ])('%s %s with a body nested 3,000 deep answers 400', async (method, path) => {
    const raw = JSON.stringify({ body: nested(3000) });
    expect(raw.length).toBeLessThan(30_000);
    const answer = await call(method, path.replace('ROOM', roomId), { token: patient.token, raw });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ details: [{ problem: 'is nested deeper than 32 levels' }] });
  });

  it('a socket event nested 3,000 deep is a bad_request ack', async () => {
    const socket = await pool.connect(platform.baseUrl, patient.token);
    const ack = await ask<{ error: string }>(socket, 'chat:send', {
      roomId,
      body: nested(3000),
      clientId: 'x',
    });
    expect(ack.error).toBe('bad_request');
  });
});

/** A slot start of the doctor (30-minute slots all day in Asia/Kolkata) about `days` ahead. */
const slotInDays = (days: number): string => {
  const start = new Date(Date.now() + days * 86_400_000);
  start.setUTCMinutes(0, 0, 0);
  return start.toISOString();
};

describe('dates in sane ranges', () => {
  it('books 170 days ahead, not 190 days ahead nor in 9999 (BOOKING_HORIZON_DAYS, default 180)', async () => {
    const book = (startAt: string) =>
      call('POST', '/api/appointments', {
        token: patient.token,
        body: { doctorId: doctor.id, startAt, mode: 'chat' },
      });
    const near = await book(slotInDays(170));
    expect(near.status).toBe(201);
    for (const startAt of [slotInDays(190), '9999-12-31T00:00:00.000Z']) {
      const far = await book(startAt);
      expect(far.status).toBe(422);
      expect(far.body.message).toBe('Slots can be booked at most 180 days ahead.');
    }
    const moved = await call('PATCH', `/api/appointments/${String(near.body.id)}`, {
      token: patient.token,
      body: { startAt: slotInDays(200) },
    });
    expect(moved.status).toBe(422);
  });

  it('refuses a birth date in the future or before 1900, on register and on the profile', async () => {
    for (const dateOfBirth of ['9999-12-31', '1899-12-31']) {
      const registered = await call('POST', '/api/patients/register', {
        body: {
          ...CONSENT,
          email: `dob-${dateOfBirth}-${Date.now()}@e2e.test`,
          password: 'Quiet-lantern-harbour-42',
          fullName: 'Date Test',
          dateOfBirth,
        },
      });
      expect(registered.status).toBe(400);
      expect(registered.body).toMatchObject({
        details: [{ field: 'dateOfBirth', problem: 'must be a date from 1900-01-01 to today' }],
      });
      const patched = await call('PATCH', '/api/patients/me', {
        token: patient.token,
        body: { dateOfBirth },
      });
      expect(patched.status).toBe(400);
    }
    const fine = await call('PATCH', '/api/patients/me', {
      token: patient.token,
      body: { dateOfBirth: '1987-06-15' },
    });
    expect(fine.status).toBe(200);
  });

  it('refuses a record dated in the future', async () => {
    expect(await uploadRecord('Scan', '2999-01-01')).toBe(400);
    expect(await uploadRecord('Scan', '2020-01-01')).toBe(201);
  });
});

describe('answers are never cached', () => {
  it('sends Cache-Control: no-store on personal answers, tokens and errors', async () => {
    const answers = [
      await call('GET', '/api/patients/me', { token: patient.token }),
      await call('GET', '/api/appointments', { token: patient.token }),
      await call('GET', `/api/chat/rooms/${roomId}/messages`, { token: patient.token }),
      await call('GET', '/api/prescriptions', { token: patient.token }),
      await call('POST', '/api/admin/login', { body: ADMIN }),
      await call('GET', '/api/patients/me'),
    ];
    expect(answers.map((a) => [a.status, a.headers.get('cache-control')])).toEqual([
      [200, 'no-store'],
      [200, 'no-store'],
      [200, 'no-store'],
      [200, 'no-store'],
      [200, 'no-store'],
      [401, 'no-store'],
    ]);
  });
});

it('no log quotes the refused text, and nothing overflowed', () => {
  expect(logs()).not.toContain(CLINICAL);
  expect(logs()).not.toContain('Maximum call stack');
});
