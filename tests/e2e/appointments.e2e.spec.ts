import { waitFor } from '@arogyam/testing';
import { httpClient } from './http';
import { CONSENT } from './people';
import { startPlatformAsAdmin, type Platform } from './platform';

interface AuthBody {
  user: { id: string; role: string; fullName: string };
  accessToken: string;
}
interface Person {
  id: string;
  token: string;
}
interface AppointmentBody {
  id: string;
  doctorId: string;
  patientId: string;
  patient: { id: string; fullName: string };
  startAt: string;
  status: string;
  cancelledLate?: boolean;
}
interface PageBody<T> {
  items: T[];
  total: number;
}

const HOUR = 3_600_000;
const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));

let platform: Platform;
let call: ReturnType<typeof httpClient>;
let adminToken: string;
let drX: Person;
let drY: Person;
let patientA: Person;
let patientB: Person;
let hoursAhead = 48;

const email = (name: string): string =>
  `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}-${Math.random().toString(36).slice(2, 8)}@e2e.test`;

async function registerPatient(fullName: string): Promise<Person> {
  const answer = await call<AuthBody>('POST', '/api/patients/register', {
    body: { ...CONSENT, email: email(fullName), password: 'patient-pass-1', fullName },
  });
  expect(answer.status).toBe(201);
  return { id: answer.body.user.id, token: answer.body.accessToken };
}

/** A verified doctor in Kolkata with 30-minute slots all day, every day. */
async function verifiedDoctor(fullName: string): Promise<Person> {
  const answer = await call<AuthBody>('POST', '/api/doctors/register', {
    body: {
      ...CONSENT,
      email: email(fullName),
      password: 'doctor-pass-1',
      fullName,
      specialization: 'General Medicine',
      licenseNumber: `KMC-${Math.floor(Math.random() * 1e6)}`,
      yearsOfExperience: 9,
      consultationFee: { amount: 40000, currency: 'INR' },
    },
  });
  expect(answer.status).toBe(201);
  const doctor = { id: answer.body.user.id, token: answer.body.accessToken };
  const verified = await call('POST', `/api/admin/doctors/${doctor.id}/verify`, {
    token: adminToken,
    body: { decision: 'approved' },
  });
  expect(verified.status).toBe(200);
  const schedule = await call('PUT', '/api/doctors/me/availability', {
    token: doctor.token,
    body: { timezone: 'Asia/Kolkata', slotMinutes: 30, weekly: allDay },
  });
  expect(schedule.status).toBe(200);
  return doctor;
}

/** A whole UTC hour (a slot start of every Kolkata half-hour schedule) no other test used. */
const freshHour = (): string => {
  hoursAhead += 3;
  return new Date(Math.ceil((Date.now() + hoursAhead * HOUR) / HOUR) * HOUR).toISOString();
};
const book = (patient: Person, doctor: Person, startAt: string) =>
  call<AppointmentBody>('POST', '/api/appointments', {
    token: patient.token,
    body: { doctorId: doctor.id, startAt, mode: 'video' },
  });
const activeAt = async (doctor: Person, startAt: string): Promise<AppointmentBody[]> => {
  const to = new Date(new Date(startAt).getTime() + 1).toISOString();
  const list = await call<PageBody<AppointmentBody>>(
    'GET',
    `/api/appointments?from=${encodeURIComponent(startAt)}&to=${encodeURIComponent(to)}&limit=100`,
    { token: doctor.token },
  );
  expect(list.status).toBe(200);
  return list.body.items.filter((item) => ['booked', 'checked_in', 'in_consultation'].includes(item.status));
};

beforeAll(async () => {
  // The 50-way race queues 50 bookings at once behind one appointment-service; on a loaded
  // 2-core CI machine the last ones can pass the default 5 s and come back 504, which says
  // nothing about the invariant under test.
  ({ platform, call, adminToken } = await startPlatformAsAdmin({
    AUTH_THROTTLE_IP_LIMIT: '1000',
    RPC_TIMEOUT_MS: '20000',
  }));
  [drX, drY] = await Promise.all([verifiedDoctor('Dr Xavier'), verifiedDoctor('Dr Yamini')]);
  [patientA, patientB] = await Promise.all([registerPatient('Anita A'), registerPatient('Bharat B')]);
}, 120000);

afterAll(async () => {
  await platform?.stop();
});

describe('availability and slots', () => {
  it('a doctor publishes hours under /doctors/me; anyone reads them and the slots under /doctors/:id', async () => {
    const own = await call('GET', '/api/doctors/me/availability', { token: drX.token });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ doctorId: drX.id, timezone: 'Asia/Kolkata', slotMinutes: 30 });
    expect((await call('GET', `/api/doctors/${drX.id}/availability`)).body).toEqual(own.body);
    // "me" routes still reach the profile, and ":id" still reaches a public profile.
    expect((await call('GET', '/api/doctors/me', { token: drX.token })).body).toMatchObject({ id: drX.id });
    expect((await call('GET', `/api/doctors/${drX.id}`)).body).toMatchObject({ id: drX.id });

    const from = freshHour();
    const to = new Date(new Date(from).getTime() + 2 * HOUR).toISOString();
    const slots = await call<{ slots: { startAt: string; available: boolean }[] }>(
      'GET',
      `/api/doctors/${drX.id}/slots?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
    );
    expect(slots.status).toBe(200);
    expect(slots.body.slots.map((slot) => slot.startAt)).toHaveLength(4);
    expect(slots.body.slots.every((slot) => slot.available)).toBe(true);
  });

  it('a listing the gateway has cached is fresh right after a booking, a cancellation and a new schedule', async () => {
    const doctor = await verifiedDoctor('Dr Cached');
    const from = freshHour();
    const to = new Date(new Date(from).getTime() + 2 * HOUR).toISOString();
    const listing = async () => {
      const answer = await call<{ slots: { startAt: string; available: boolean }[] }>(
        'GET',
        `/api/doctors/${doctor.id}/slots?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      );
      expect(answer.status).toBe(200);
      return answer.body.slots;
    };
    expect((await listing()).every((slot) => slot.available)).toBe(true);
    expect((await listing()).every((slot) => slot.available)).toBe(true);
    // As a browser asks: gzipped; and plain JSON for a client that does not take gzip.
    const path = `/api/doctors/${doctor.id}/slots?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    const gzipped = await call('GET', path, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    const plain = await call('GET', path, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.body).toEqual(gzipped.body);

    const booked = await book(patientB, doctor, from);
    expect(booked.status).toBe(201);
    expect((await listing()).map((slot) => slot.available)).toEqual([false, true, true, true]);

    const cancelled = await call('POST', `/api/appointments/${booked.body.id}/cancel`, {
      token: patientB.token,
      body: {},
    });
    expect(cancelled.status).toBe(200);
    expect((await listing()).every((slot) => slot.available)).toBe(true);

    const hourly = await call('PUT', '/api/doctors/me/availability', {
      token: doctor.token,
      body: { timezone: 'Asia/Kolkata', slotMinutes: 60, weekly: allDay },
    });
    expect(hourly.status).toBe(200);
    expect(await listing()).toHaveLength(2);
  });

  it('a search the gateway keeps as sent is fresh after a booking and a listing change, gzipped or not', async () => {
    const doctor = await verifiedDoctor('Dr Kept Kavya');
    const patient = await registerPatient('Kirti K');
    interface Card {
      id: string;
      nextAvailableAt: string | null;
      yearsOfExperience: number;
    }
    const path = '/api/doctors?q=kept';
    const card = async (headers?: Record<string, string>): Promise<Card | undefined> => {
      const answer = await call<PageBody<Card>>('GET', path, { headers });
      expect(answer.status).toBe(200);
      return answer.body.items.find((item) => item.id === doctor.id);
    };
    await waitFor(async () => (await card()) !== undefined, 15_000, 'the doctor in search');
    // Past the settle window after the listing change, so the answers below are kept.
    await new Promise((resolve) => setTimeout(resolve, 1200));

    // As a browser asks (gzipped), and plain JSON for a client that does not take gzip: one page.
    const gzipped = await call('GET', path, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(gzipped.headers.get('vary')).toMatch(/accept-encoding/i);
    const plain = await call('GET', path, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.body).toEqual(gzipped.body);

    // Book the first free slot shown (again if it started meanwhile): the next search, the same
    // kept one, shows a later one at once, not the taken slot.
    let taken: string | null | undefined;
    for (let attempt = 0; attempt < 3 && !taken; attempt += 1) {
      const shown = (await card())?.nextAvailableAt;
      expect(shown).toEqual(expect.any(String));
      if ((await book(patient, doctor, shown as string)).status === 201) taken = shown;
    }
    expect(taken).toEqual(expect.any(String));
    const after = (await card())?.nextAvailableAt;
    expect(after).toEqual(expect.any(String));
    expect(Date.parse(after as string)).toBeGreaterThan(Date.parse(taken as string));

    // A listing change (the doctor's own edit) drops the kept answer too.
    const edited = await call('PATCH', '/api/doctors/me', {
      token: doctor.token,
      body: { yearsOfExperience: 12 },
    });
    expect(edited.status).toBe(200);
    expect((await card())?.yearsOfExperience).toBe(12);
    expect((await card({ 'accept-encoding': 'identity' }))?.yearsOfExperience).toBe(12);

    // The route answers with kept bytes; its OpenAPI description still shows the page it sends.
    const spec = await call<{
      paths: Record<
        string,
        { get: { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> } }
      >;
    }>('GET', '/api/docs-json');
    expect(
      spec.body.paths['/api/doctors'].get.responses['200'].content?.['application/json'].schema,
    ).toMatchObject({
      required: ['items', 'total', 'page', 'limit'],
      properties: {
        items: { type: 'array', items: { properties: { nextAvailableAt: { nullable: true } } } },
      },
    });
  });

  it('a kept search is found by its query string as sent: same bytes and headers, fresh after a listing change, 400s kept', async () => {
    const doctor = await verifiedDoctor('Dr Spelled Sunita');
    interface Card {
      id: string;
      yearsOfExperience: number;
    }
    const sent = async (query: string, encoding: string) => {
      const response = await fetch(`${platform.baseUrl}/api/doctors?${query}`, {
        headers: { 'accept-encoding': encoding, 'x-request-id': 'e2e-spelled-search' },
      });
      const bytes = Buffer.from(await response.arrayBuffer());
      // Every header but the clock's: the validated path's and the kept one's must not differ.
      const headers = Object.fromEntries([...response.headers].filter(([name]) => name !== 'date'));
      return { status: response.status, headers, bytes };
    };
    const card = async (query: string): Promise<Card | undefined> => {
      const answer = await sent(query, 'identity');
      expect(answer.status).toBe(200);
      const page = JSON.parse(answer.bytes.toString('utf8')) as PageBody<Card>;
      return page.items.find((item) => item.id === doctor.id);
    };
    await waitFor(async () => (await card('q=spelled')) !== undefined, 15_000, 'the doctor in search');
    // Past the settle window after the listing change, so the answers below are kept.
    await new Promise((resolve) => setTimeout(resolve, 1200));

    // Each string's first request is validated (and files it), its second is found by the string.
    for (const [query, encoding] of [
      ['q=spelled&limit=5', 'identity'],
      ['limit=5&q=spelled', 'gzip'],
    ]) {
      const validated = await sent(query, encoding);
      const found = await sent(query, encoding);
      expect(validated.status).toBe(200);
      expect(found).toEqual(validated);
      expect(found.headers['etag']).toBeUndefined();
      expect(found.headers['content-encoding']).toBe(encoding === 'gzip' ? 'gzip' : undefined);
    }

    // A bad query string is still validated, and is the same 400 as one never preceded by a kept search.
    const unseen = await call<{ code: string; details: { field: string }[] }>(
      'GET',
      '/api/doctors?q=spelled&sort=evil',
    );
    expect(unseen.status).toBe(400);
    const bad = await call<{ code: string; details: { field: string }[] }>(
      'GET',
      '/api/doctors?q=spelled&limit=5&sort=evil',
    );
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual(unseen.body);
    expect(bad.body.code).toBe('invalid_input');
    expect(bad.body.details.map((detail) => detail.field)).toEqual(['sort']);

    // A listing change (the doctor's own edit) drops the kept answer, and the strings that led to it.
    expect((await card('q=spelled&limit=5'))?.yearsOfExperience).toBe(9);
    const edited = await call('PATCH', '/api/doctors/me', {
      token: doctor.token,
      body: { yearsOfExperience: 13 },
    });
    expect(edited.status).toBe(200);
    expect((await card('q=spelled&limit=5'))?.yearsOfExperience).toBe(13);
    expect((await card('limit=5&q=spelled'))?.yearsOfExperience).toBe(13);
  });

  it("a booking moves the doctor's first free slot in search's own copy: filters and orders follow it", async () => {
    // Same schedule, set one after the other: the same first free slot, P's copy computed first.
    const pallavi = await verifiedDoctor('Dr Soonest Pallavi');
    const qadir = await verifiedDoctor('Dr Soonest Qadir');
    const soonestFirst = async (): Promise<string[]> => {
      const answer = await call<PageBody<{ id: string }>>('GET', '/api/doctors?q=soonest&sort=soonest');
      expect(answer.status).toBe(200);
      return answer.body.items.map((doctor) => doctor.id);
    };
    await waitFor(
      async () => JSON.stringify(await soonestFirst()) === JSON.stringify([pallavi.id, qadir.id]),
      15_000,
      'both doctors in search, Pallavi first',
    );

    // Book Pallavi's first free slot (again if it started meanwhile): her copy moves 30 minutes on.
    let booked = false;
    for (let attempt = 0; attempt < 3 && !booked; attempt += 1) {
      const profile = await call<{ nextAvailableAt: string }>('GET', `/api/doctors/${pallavi.id}`);
      booked = (await book(patientA, pallavi, profile.body.nextAvailableAt)).status === 201;
    }
    expect(booked).toBe(true);

    await waitFor(
      async () => JSON.stringify(await soonestFirst()) === JSON.stringify([qadir.id, pallavi.id]),
      15_000,
      "search's copy of Pallavi's first free slot to follow the booking",
    );

    // The filters' and orders' bad values are the caller's mistake: 400 with the code.
    for (const query of [
      'minFee=-1',
      'minFee=abc',
      'minFee=50000&maxFee=40000',
      'gender=unknown',
      'available=tomorrow',
      'available=today&tz=Mars%2FOlympus',
      'sort=price',
    ]) {
      const answer = await call<{ code: string }>('GET', `/api/doctors?${query}`);
      expect({ query, status: answer.status, code: answer.body.code }).toEqual({
        query,
        status: 400,
        code: 'invalid_input',
      });
    }
  });

  it('only doctors set hours, and bad ones are 400 with details', async () => {
    const body = { timezone: 'Asia/Kolkata', slotMinutes: 30, weekly: allDay };
    expect((await call('PUT', '/api/doctors/me/availability', { body })).status).toBe(401);
    expect((await call('PUT', '/api/doctors/me/availability', { token: patientA.token, body })).status).toBe(
      403,
    );
    const bad = await call<{ details: { field: string }[] }>('PUT', '/api/doctors/me/availability', {
      token: drY.token,
      body: { ...body, timezone: 'Asia/Atlantis' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((detail) => detail.field)).toEqual(['timezone']);
  });
});

describe('booking races', () => {
  it('of 50 patients racing for one slot exactly one gets it; 49 are told it is taken', async () => {
    const racers: Person[] = [];
    for (let batch = 0; batch < 5; batch++) {
      racers.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, (_, index) => registerPatient(`Racer ${batch}-${index}`)),
        )),
      );
    }
    const startAt = freshHour();

    const answers = await Promise.all(racers.map((racer) => book(racer, drX, startAt)));

    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    expect(answers.find((answer) => answer.status === 409)?.body).toMatchObject({
      statusCode: 409,
      error: 'Conflict',
      code: 'slot_taken',
      message: 'That slot is taken; please choose another.',
    });
    expect(await activeAt(drX, startAt)).toHaveLength(1);
  });

  it('of two reschedules racing into one slot, one is 200 and the other 409', async () => {
    const [first, second] = await Promise.all([
      book(await registerPatient('Chitra C'), drX, freshHour()),
      book(await registerPatient('Deepak D'), drX, freshHour()),
    ]);
    expect([first.status, second.status]).toEqual([201, 201]);
    const target = freshHour();

    const answers = await Promise.all(
      [first, second].map((booked) =>
        call('PATCH', `/api/appointments/${booked.body.id}`, { token: drX.token, body: { startAt: target } }),
      ),
    );

    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(await activeAt(drX, target)).toHaveLength(1);
  });

  it('a cancellation racing a new booking of the same slot never leaves two active appointments', async () => {
    for (let round = 0; round < 5; round++) {
      const startAt = freshHour();
      const held = await book(patientA, drY, startAt);
      expect(held.status).toBe(201);

      const [cancelled, rebooked] = await Promise.all([
        call<AppointmentBody>('POST', `/api/appointments/${held.body.id}/cancel`, {
          token: patientA.token,
          body: {},
        }),
        book(patientB, drY, startAt),
      ]);

      expect(cancelled.status).toBe(200);
      expect(cancelled.body.status).toBe('cancelled');
      expect([201, 409]).toContain(rebooked.status);
      const active = await activeAt(drY, startAt);
      expect(active).toHaveLength(rebooked.status === 201 ? 1 : 0);
      if (rebooked.status === 201) expect(active[0].patientId).toBe(patientB.id);
    }
  });
});

describe('who may do what to an appointment', () => {
  let appointmentId: string;
  const actors = (): Record<string, { token: string }> => ({
    patientA,
    patientB,
    drX,
    drY,
    admin: { token: adminToken },
  });
  /** The status each named actor gets for the same request (only they send it). */
  const statusesFor = async (
    method: string,
    path: string,
    body?: unknown,
    names = Object.keys(actors()),
  ): Promise<Record<string, number>> => {
    const entries = await Promise.all(
      names.map(async (name) => [
        name,
        (await call(method, path, { token: actors()[name].token, body })).status,
      ]),
    );
    return Object.fromEntries(entries);
  };
  const STRANGERS = ['patientB', 'drY', 'admin'];
  const path = (suffix = ''): string => `/api/appointments/${appointmentId}${suffix}`;

  beforeAll(async () => {
    const booked = await book(patientA, drX, freshHour());
    expect(booked.status).toBe(201);
    appointmentId = booked.body.id;
  });

  it('GET: its patient, its doctor and admins; anyone else 404, nobody signed out', async () => {
    expect(await statusesFor('GET', path())).toEqual({
      patientA: 200,
      patientB: 404,
      drX: 200,
      drY: 404,
      admin: 200,
    });
    expect((await call('GET', path())).status).toBe(401);
    expect(
      (await call('GET', '/api/appointments/no-such-appointment', { token: patientA.token })).status,
    ).toBe(404);
  });

  it('PATCH, cancel and status: strangers 404, admins 403, and nothing changes until the right person acts', async () => {
    const strangers = { patientB: 404, drY: 404, admin: 403 };

    expect(await statusesFor('PATCH', path(), { startAt: freshHour() }, STRANGERS)).toEqual(strangers);
    expect(await statusesFor('POST', path('/cancel'), {}, STRANGERS)).toEqual(strangers);
    expect(await statusesFor('POST', path('/status'), { status: 'checked_in' }, STRANGERS)).toEqual(
      strangers,
    );
    expect((await call<AppointmentBody>('GET', path(), { token: patientA.token })).body.status).toBe(
      'booked',
    );

    const status = (person: { token: string }, to: string) =>
      call<AppointmentBody>('POST', path('/status'), { token: person.token, body: { status: to } });
    expect((await status(patientA, 'in_consultation')).status).toBe(403);
    const checkIn = await status(patientA, 'checked_in');
    expect([checkIn.status, checkIn.body.status]).toEqual([200, 'checked_in']);
    expect((await status(drX, 'checked_in')).status).toBe(409);
    expect((await status(drX, 'in_consultation')).body.status).toBe('in_consultation');
  });

  it('notes: only its doctor writes; its patient reads once shared; admins and patients never write', async () => {
    const notes = (sharedWithPatient: boolean) => ({
      subjective: 'Cough for a week',
      objective: 'Chest clear',
      assessment: 'Viral bronchitis',
      plan: 'Steam inhalation; review in 5 days',
      sharedWithPatient,
    });
    const writers = ['patientA', 'patientB', 'drY', 'admin'];
    expect(await statusesFor('PUT', path('/notes'), notes(false), writers)).toEqual({
      patientA: 403,
      patientB: 403,
      drY: 404,
      admin: 403,
    });
    const saved = await call('PUT', path('/notes'), { token: drX.token, body: notes(false) });
    expect([saved.status, saved.body.version]).toEqual([200, 1]);

    expect(await statusesFor('GET', path('/notes'))).toEqual({
      patientA: 404,
      patientB: 404,
      drX: 200,
      drY: 404,
      admin: 403,
    });
    const shared = await call('PUT', path('/notes'), { token: drX.token, body: notes(true) });
    expect(shared.body).toMatchObject({ version: 2, sharedWithPatient: true });
    const read = await call('GET', path('/notes'), { token: patientA.token });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ plan: 'Steam inhalation; review in 5 days', version: 2 });

    const oversize = await call<{ details: { field: string }[] }>('PUT', path('/notes'), {
      token: drX.token,
      body: { ...notes(true), plan: 'x'.repeat(10_001) },
    });
    expect(oversize.status).toBe(400);
    expect(oversize.body.details.map((detail) => detail.field)).toEqual(['plan']);
  });
});

describe('the doctor’s day', () => {
  it('lists a date of the doctor’s (Kolkata) calendar in start order with patient names and statuses', async () => {
    const patient = await registerPatient('Esha E');
    const date = new Date(Date.now() + 5 * 24 * HOUR).toISOString().slice(0, 10);
    // 11:00 and 09:30 in Kolkata that date.
    const eleven = `${date}T05:30:00.000Z`;
    const nineThirty = `${date}T04:00:00.000Z`;
    expect((await book(patient, drY, eleven)).status).toBe(201);
    const first = await book(patientB, drY, nineThirty);
    expect(first.status).toBe(201);
    await call('POST', `/api/appointments/${first.body.id}/status`, {
      token: patientB.token,
      body: { status: 'checked_in' },
    });

    const queue = await call<{ date: string; timezone: string; items: AppointmentBody[] }>(
      'GET',
      `/api/doctors/me/queue?date=${date}`,
      { token: drY.token },
    );

    expect(queue.status).toBe(200);
    expect(queue.body).toMatchObject({ date, timezone: 'Asia/Kolkata' });
    expect(queue.body.items.map((item) => [item.startAt, item.patient.fullName, item.status])).toEqual([
      [nineThirty, 'Bharat B', 'checked_in'],
      [eleven, 'Esha E', 'booked'],
    ]);
    expect((await call('GET', `/api/doctors/me/queue?date=${date}`, { token: patientB.token })).status).toBe(
      403,
    );
    expect((await call('GET', '/api/doctors/me/queue?date=tomorrow', { token: drY.token })).status).toBe(400);

    const day = await call<PageBody<AppointmentBody>>(
      'GET',
      `/api/admin/appointments?date=${date}&limit=100`,
      {
        token: adminToken,
      },
    );
    expect(day.status).toBe(200);
    expect(day.body.items.map((item) => item.startAt)).toEqual(expect.arrayContaining([nineThirty, eleven]));
    expect((await call('GET', `/api/admin/appointments?date=${date}`, { token: drY.token })).status).toBe(
      403,
    );
  });
});

describe('dashboards', () => {
  it('merge the appointment part, and still answer the profile part while appointment-service is down', async () => {
    const patient = await registerPatient('Farah F');
    const booked = await book(patient, drY, freshHour());
    expect(booked.status).toBe(201);

    const patientBoard = await call<{ upcomingAppointments: AppointmentBody[]; unreadMessages: number }>(
      'GET',
      '/api/patients/me/dashboard',
      { token: patient.token },
    );
    expect(patientBoard.status).toBe(200);
    expect(patientBoard.body.upcomingAppointments.map((item) => item.id)).toEqual([booked.body.id]);
    const doctorBoard = await call<{ upcomingCount: number; verificationStatus: string }>(
      'GET',
      '/api/doctors/me/dashboard',
      {
        token: drY.token,
      },
    );
    expect(doctorBoard.body.verificationStatus).toBe('approved');
    expect(doctorBoard.body.upcomingCount).toBeGreaterThanOrEqual(1);

    await platform.processes.get('appointment-service')?.stop();
    try {
      const withoutAppointments = await call('GET', '/api/patients/me/dashboard', { token: patient.token });
      expect(withoutAppointments.status).toBe(200);
      expect(withoutAppointments.body).toMatchObject({ upcomingAppointments: [], unreadMessages: 0 });
      const doctorWithout = await call('GET', '/api/doctors/me/dashboard', { token: drY.token });
      expect(doctorWithout.status).toBe(200);
      expect(doctorWithout.body).toMatchObject({ verificationStatus: 'approved', upcomingCount: 0 });
      expect(
        (
          await call('POST', '/api/appointments', {
            token: patient.token,
            body: { doctorId: drY.id, startAt: freshHour(), mode: 'chat' },
          })
        ).status,
      ).toBe(503);
    } finally {
      await platform.startService('appointment-service');
    }
    await waitFor(
      async () => (await call('GET', '/api/health')).status === 200,
      15000,
      'appointment-service back',
    );
  });
});
