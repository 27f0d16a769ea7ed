#!/usr/bin/env node
// Growth: the reads people make every day, at 10,000 and at 500,000 appointments (and matching
// sizes of the other collections), with the gateway's caches off; then each process's memory with
// the large data stored (issue: a database that behaves like MongoDB as the data grows).
//
// The data: a template of each document is made through the API (so it has every field the
// services write), then cloned straight into the services' collections with fresh ids and the
// fields that depend on them recomputed with the services' own functions. People and history
// grow together: per size N appointments, N/10 doctors, N/5 patients (one chat room each, with
// their first doctor), 4N chat messages, 2N in-app notifications, spread over 365 days (335 past,
// 30 to come). So a patient, a doctor or a room has as much as at the other size, a day has 50
// times more, and every collection is 50 times larger.
import { randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  ADMIN,
  CONSENT,
  JWT_SECRET,
  call,
  bufferMeter,
  cpuMeter,
  cpuTable,
  idleRss,
  machine,
  root,
  settleDatabase,
  startStack,
  statementMeter,
} from './lib/stack.mjs';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const jwt = require('jsonwebtoken');
const auth = require(join(root, 'libs/auth/dist/index.js'));
const { MongoClient, ObjectId } = require('mongodb');
const { doctorSearchKeys } = require(join(root, 'apps/doctor-service/dist/profiles/doctor-search-keys.js'));
const { namePrefixRowsOf } = require(join(root, 'apps/doctor-service/dist/profiles/listed-name-prefixes.js'));
const { utcDay, utcHour } = require(join(root, 'libs/persistence/dist/index.js'));

const SIZES = (process.env.BENCH_GROWTH_SIZES ?? '10000,500000').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_GROWTH_CONNECTIONS ?? 10);
const WARM_UP_SECONDS = 2;
const BATCH = 1000;
const DAY = 86_400_000;
const HALF_HOUR = 30 * 60_000;
const PAST_DAYS = 335;
const FUTURE_DAYS = 30;
// The sample directory shared with search.mjs and doctor-service's search timing; growth spreads
// doctors over more cities as it grows (citiesInUse).
const sample = require('./lib/sample-doctors.json');
const SPECIALIZATIONS = sample.specializations;
const CITIES = [
  ...sample.cities,
  'Bhopal',
  'Patna',
  'Indore',
  'Surat',
  'Nagpur',
  'Guwahati',
  'Mysuru',
  'Madurai',
  'Vizag',
  'Ranchi',
];
const { first: FIRST, last: LAST } = sample;
/**
 * How many of CITIES hold doctors at a size: every specialization + city pair then holds at
 * least 20 of them (doctor i: specialization i mod 10, city i/10 mod this), so the search row
 * fills its page of 12 at every size. With all 20 cities at 1,000 doctors a pair held 5, and the
 * small size answered 5 cards where the large one answered 12 (and asked next free times for them).
 */
const citiesInUse = (doctors) =>
  Math.max(1, Math.min(CITIES.length, Math.floor(doctors / (SPECIALIZATIONS.length * 20))));
const pick = (list, i) => list[i % list.length];
const ACTIVE = ['booked', 'checked_in', 'in_consultation'];

const midnight = (at) => Math.floor(at / DAY) * DAY;
const isoDay = (at) => new Date(at).toISOString().slice(0, 10);

export async function benchmarkGrowth() {
  const rows = [];
  let memory;
  for (const size of SIZES) {
    const measured = await measureAt(size, size === Math.max(...SIZES));
    rows.push(...measured.rows);
    if (measured.memory) memory = measured.memory;
  }
  const names = [...new Set(rows.map((row) => row.name))];
  const [small, large] = [Math.min(...SIZES), Math.max(...SIZES)];
  const at = (name, size) => rows.find((row) => row.name === name && row.size === size);
  return [
    `Growth: ${machine()}. Gateway caches off; ${CONNECTIONS} connections, ${SECONDS} s per row after ${WARM_UP_SECONDS} s of unmeasured warm-up; each request picks its patient, doctor, room or day at random. Sizes: N appointments, N/10 doctors, N/5 patients and rooms, 4N messages, 2N notifications over 365 days; after each seed, VACUUM (ANALYZE) on PostgreSQL.`,
    '',
    `| read | p50 ms at ${small.toLocaleString('en')} | p99 ms at ${small.toLocaleString('en')} | p50 ms at ${large.toLocaleString('en')} | p99 ms at ${large.toLocaleString('en')} | p99 large / small | non-2xx |`,
    '|---|---|---|---|---|---|---|',
    ...names.map((name) => {
      const s = at(name, small);
      const l = at(name, large);
      return `| ${name} | ${s?.p50 ?? '–'} | ${s?.p99 ?? '–'} | ${l?.p50 ?? '–'} | ${l?.p99 ?? '–'} | ${s && l ? (l.p99 / Math.max(1, s.p99)).toFixed(2) : '–'} | ${(s?.errors ?? 0) + (l?.errors ?? 0)} |`;
    }),
    '',
    ...bufferTable(names, at),
    ...statementTables(names, at),
    ...SIZES.flatMap((size) => [
      `Where the CPU of one read went at ${size.toLocaleString('en')} (ms per request, summed over the run's processes):`,
      '',
      cpuTable(Object.fromEntries(names.map((name) => [name, at(name, size)?.cpu ?? {}]))),
      '',
    ]),
    memory
      ? [
          `Memory with ${large.toLocaleString('en')} appointments, ${(large / 10).toLocaleString('en')} doctors and ${(large * 4).toLocaleString('en')} chat messages stored, after the reads above and ${memory.seconds} s idle:`,
          '',
          '| process | RSS (MB) |',
          '|---|---|',
          ...Object.entries(memory.rss).map(([name, mb]) => `| ${name} | ${mb} |`),
        ].join('\n')
      : '',
  ].join('\n');
}

/** PostgreSQL's pages per read at each size: from its shared buffers, and from outside them. */
function bufferTable(names, at) {
  if (!names.some((name) => SIZES.some((size) => at(name, size)?.buffers))) return [];
  const cell = (row) => (row?.buffers ? `${row.buffers.hit.toFixed(0)} / ${row.buffers.read.toFixed(1)}` : '–');
  return [
    "PostgreSQL's pages per read (8 kB blocks found in its shared buffers / read from outside them):",
    '',
    `| read | ${SIZES.map((size) => `at ${size.toLocaleString('en')}`).join(' | ')} |`,
    `|---|${SIZES.map(() => '---|').join('')}`,
    ...names.map((name) => `| ${name} | ${SIZES.map((size) => cell(at(name, size))).join(' | ')} |`),
    '',
  ];
}

/** With pg_stat_statements loaded: each read's costliest statements at each size. */
function statementTables(names, at) {
  return names.flatMap((name) =>
    SIZES.filter((size) => at(name, size)?.statements).flatMap((size) => [
      `PostgreSQL's costliest statements of "${name}" at ${size.toLocaleString('en')} (per read: ms, calls, rows, pages; per call: ms, of it planning):`,
      '',
      '| ms | calls | rows | pages | ms per call | planning | statement |',
      '|---|---|---|---|---|---|---|',
      ...at(name, size).statements.map(
        (s) =>
          `| ${s.msPerRequest} | ${s.callsPerRequest} | ${s.rowsPerRequest} | ${s.pagesPerRequest} | ${s.msPerCall} | ${s.planMsPerCall} | \`${s.query.replaceAll('|', '\\|')}\` |`,
      ),
      '',
    ]),
  );
}

async function measureAt(size, measureMemory) {
  console.error(`== growth at ${size.toLocaleString('en')} appointments`);
  const stack = await startStack({
    gatewayEnv: () => ({
      DOCTOR_SEARCH_CACHE_TTL_SECONDS: '0',
      SLOT_LISTING_CACHE_TTL_SECONDS: '0',
      RPC_TIMEOUT_MS: '30000',
    }),
  });
  try {
    const world = await seed(stack, size);
    console.error(`VACUUM (ANALYZE) after the seed: ${settleDatabase(stack)} s`);
    // As user-service signs them (libs/auth access-token-rules): the gateway refuses any other.
    const token = (user) =>
      jwt.sign({ sub: user.id, role: user.role, email: user.email, ver: 0 }, JWT_SECRET, {
        expiresIn: '1h',
        issuer: auth.ACCESS_TOKEN_ISSUER,
        audience: auth.ACCESS_TOKEN_AUDIENCE,
      });
    const patientTokens = world.samplePatients.map((p) => ({ ...p, token: token(p) }));
    const doctorTokens = world.sampleDoctors.map((d) => ({ ...d, token: token(d) }));
    const adminToken = (await call(stack.base, 'POST', '/api/admin/login', { body: ADMIN })).body.accessToken;
    let n = 0;
    // Each request's own pick: `next()` moves on, so a row is not one query repeated.
    const next = () => (n += 7919);
    const any = (list) => list[next() % list.length];
    const searchedCities = CITIES.slice(0, citiesInUse(size / 10));
    const from = new Date(Math.ceil(Date.now() / HALF_HOUR) * HALF_HOUR).toISOString();
    const to = new Date(Date.parse(from) + 30 * DAY).toISOString();
    const reads = [
      [
        'patient history page (20, newest first)',
        () => {
          const p = any(patientTokens);
          return { path: '/api/appointments?page=1&limit=20', token: p.token };
        },
      ],
      [
        "doctor's queue for a day",
        () => {
          const d = any(doctorTokens);
          return {
            path: `/api/doctors/me/queue?date=${isoDay(Date.now() + ((n % 7) - 3) * DAY)}`,
            token: d.token,
          };
        },
      ],
      [
        "doctor's 30-day slot listing",
        () => {
          const d = any(doctorTokens);
          return {
            path: `/api/doctors/${d.id}/slots?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
          };
        },
      ],
      [
        'notifications inbox page',
        () => {
          const p = any(patientTokens);
          return { path: '/api/notifications?page=1&limit=20', token: p.token };
        },
      ],
      [
        'chat history page (30)',
        () => {
          const p = any(patientTokens);
          return { path: `/api/chat/rooms/${p.roomId}/messages?limit=30`, token: p.token };
        },
      ],
      [
        'admin: appointments of a day, page 1',
        () => ({
          path: `/api/admin/appointments?date=${isoDay(Date.now() + ((next() % 60) - 45) * DAY)}&page=1&limit=20`,
          token: adminToken,
        }),
      ],
      [
        'search: specialization + city',
        () => ({
          path: `/api/doctors?specialization=${encodeURIComponent(pick(SPECIALIZATIONS, next()))}&city=${encodeURIComponent(pick(searchedCities, Math.floor(n / 10)))}&limit=12`,
        }),
      ],
      [
        'search: name prefix',
        () => ({
          path: `/api/doctors?q=${encodeURIComponent(pick(LAST, next()).slice(0, 3).toLowerCase())}&limit=12`,
        }),
      ],
      ['search: all doctors, page 1', () => ({ path: '/api/doctors?limit=12' })],
    ];
    const rows = [];
    for (const [name, build] of reads) {
      const requests = [
        {
          method: 'GET',
          setupRequest: (request) => {
            const { path, token: bearer } = build();
            return { ...request, path, headers: bearer ? { authorization: `Bearer ${bearer}` } : {} };
          },
        },
      ];
      await autocannon({ url: stack.base, connections: CONNECTIONS, duration: WARM_UP_SECONDS, requests });
      const cpu = cpuMeter(stack);
      const buffers = bufferMeter(stack);
      const statements = statementMeter(stack);
      const result = await autocannon({
        url: stack.base,
        connections: CONNECTIONS,
        duration: SECONDS,
        requests,
      });
      rows.push({
        name,
        size,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: (result.non2xx ?? 0) + result.errors + result.timeouts,
        cpu: cpu(result.requests.total),
        buffers: await buffers(result.requests.total),
        statements: await statements(result.requests.total),
      });
      console.error(
        `${name}: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.requests.total} requests, ${result.non2xx ?? 0} non-2xx`,
      );
    }
    const memory = measureMemory ? await idleRss(stack, { minSeconds: 20, maxSeconds: 60 }) : undefined;
    return { rows, memory };
  } finally {
    await stack.stop();
  }
}

/** Templates through the API, then clones straight into the collections. */
async function seed(stack, size) {
  const { base } = stack;
  const admin = (await call(base, 'POST', '/api/admin/login', { body: ADMIN })).body.accessToken;
  const doctor = await call(base, 'POST', '/api/doctors/register', {
    body: {
      ...CONSENT,
      email: 'template.doctor@bench.test',
      password: 'bench-doctor-1',
      fullName: 'Dr Template Doctor',
      specialization: 'Cardiology',
      licenseNumber: 'TEMPLATE-1',
      yearsOfExperience: 12,
      consultationFee: { amount: 50000, currency: 'INR' },
      city: 'Bengaluru',
      languages: ['English', 'Hindi'],
    },
  });
  await call(base, 'POST', `/api/admin/doctors/${doctor.body.user.id}/verify`, {
    token: admin,
    body: { decision: 'approved' },
  });
  const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
  await call(base, 'PUT', '/api/doctors/me/availability', {
    token: doctor.body.accessToken,
    body: { timezone: 'Asia/Kolkata', slotMinutes: 30, weekly: allDay },
  });
  const patient = await call(base, 'POST', '/api/patients/register', {
    body: {
      ...CONSENT,
      email: 'template.patient@bench.test',
      password: 'bench-patient-1',
      fullName: 'Template Patient',
    },
  });
  const slots = await call(
    base,
    'GET',
    `/api/doctors/${doctor.body.user.id}/slots?from=${encodeURIComponent(new Date().toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 3 * DAY).toISOString())}`,
  );
  const free = slots.body.slots.find((slot) => slot.available);
  const booked = await call(base, 'POST', '/api/appointments', {
    token: patient.body.accessToken,
    body: { doctorId: doctor.body.user.id, startAt: free.startAt, mode: 'video' },
  });
  if (booked.status !== 201) throw new Error(`template booking failed: ${JSON.stringify(booked.body)}`);
  const rooms = await call(base, 'GET', '/api/chat/rooms', { token: patient.body.accessToken });
  const roomId = rooms.body[0]?.id ?? `${doctor.body.user.id}:${patient.body.user.id}`;
  await call(base, 'POST', `/api/chat/rooms/${roomId}/messages`, {
    token: patient.body.accessToken,
    body: { body: 'Good morning, doctor: my report is ready.' },
  });
  await new Promise((resolve) => setTimeout(resolve, 3000)); // events reach notifications and chat

  const mongo = await MongoClient.connect(stack.infra.mongoUrl, { retryWrites: false, maxPoolSize: 4 });
  const db = (name) => mongo.db(`arogyam_${name}`);
  const template = {
    patientAccount: await db('users').collection('users').findOne({ _id: patient.body.user.id }),
    doctorAccount: await db('users').collection('users').findOne({ _id: doctor.body.user.id }),
    doctor: await db('doctors').collection('doctors').findOne({ _id: doctor.body.user.id }),
    patient: await db('patients').collection('patients').findOne({ _id: patient.body.user.id }),
    availability: await db('appointments').collection('availabilities').findOne({ _id: doctor.body.user.id }),
    appointment: await db('appointments').collection('appointments').findOne({ _id: booked.body.id }),
    room: await db('chat').collection('chatRooms').findOne({ _id: roomId }),
    message: await db('chat').collection('chatMessages').findOne({ roomId }),
    notification: await db('notifications')
      .collection('notifications')
      .findOne({ userId: patient.body.user.id, channel: 'inApp' }),
  };
  for (const [name, doc] of Object.entries(template)) if (!doc) throw new Error(`no template ${name}`);

  const doctors = size / 10;
  const patients = size / 5;
  const started = Date.now();
  const now = Date.now();
  const firstDay = midnight(now) - PAST_DAYS * DAY;
  const doctorId = (i) => `bench-doctor-${i}`;
  const patientId = (i) => `bench-patient-${i}`;
  const insert = async (dbName, collection, count, make) => {
    const target = db(dbName).collection(collection);
    for (let i = 0; i < count; i += BATCH) {
      await target.insertMany(
        Array.from({ length: Math.min(BATCH, count - i) }, (_, k) => make(i + k)),
        { ordered: false },
      );
    }
    console.error(
      `  ${collection}: ${count.toLocaleString('en')} in ${Math.round((Date.now() - started) / 1000)} s`,
    );
  };
  const strip = ({ outbox, outboxPending, ...rest }) => ({ ...rest, outbox: [] });

  console.error(`seeding ${size.toLocaleString('en')} appointments and the rest…`);
  await insert('users', 'users', doctors + patients, (i) => {
    const isDoctor = i < doctors;
    const id = isDoctor ? doctorId(i) : patientId(i - doctors);
    return {
      ...strip(isDoctor ? template.doctorAccount : template.patientAccount),
      _id: id,
      email: `${id}@bench.test`,
    };
  });
  const doctorDocument = (i) => {
    const fullName = `Dr ${pick(FIRST, i)} ${pick(LAST, Math.floor(i / 12))}`;
    const fields = {
      fullName,
      specialization: pick(SPECIALIZATIONS, i),
      city: pick(CITIES, Math.floor(i / 10) % citiesInUse(doctors)),
      languages: ['English', pick(['Hindi', 'Tamil', 'Kannada', 'Bengali'], i)],
    };
    return {
      ...strip(template.doctor),
      _id: doctorId(i),
      email: `${doctorId(i)}@bench.test`,
      ...fields,
      ...doctorSearchKeys(fields),
      rating: (i % 50) / 10,
      reviewCount: i % 300,
    };
  };
  await insert('doctors', 'doctors', doctors, doctorDocument);
  // Their rows in the name-prefix index doctor-service keeps for listed doctors (a search by name
  // alone reads it), as its repository writes them.
  const namePrefixRows = db('doctors').collection('listedNamePrefixes');
  let rows = 0;
  for (let i = 0; i < doctors; i += BATCH / 10) {
    const batch = Array.from({ length: Math.min(BATCH / 10, doctors - i) }, (_, k) =>
      namePrefixRowsOf(doctorDocument(i + k)),
    ).flat();
    await namePrefixRows.insertMany(batch, { ordered: false });
    rows += batch.length;
  }
  console.error(
    `  listedNamePrefixes: ${rows.toLocaleString('en')} in ${Math.round((Date.now() - started) / 1000)} s`,
  );
  await insert('patients', 'patients', patients, (i) => ({
    ...strip(template.patient),
    _id: patientId(i),
    email: `${patientId(i)}@bench.test`,
    fullName: `Patient ${i}`,
  }));
  await insert('appointments', 'availabilities', doctors, (i) => ({
    ...template.availability,
    _id: doctorId(i),
  }));
  // Appointment k: patient k % patients, doctor (k * 7) % doctors, on day k % 365 at a slot of that day.
  await insert('appointments', 'appointments', size, (k) => {
    const startAt = new Date(
      firstDay + (k % (PAST_DAYS + FUTURE_DAYS)) * DAY + (3.5 + (Math.floor(k / 365) % 16) * 0.5) * 3_600_000,
    );
    const d = (k * 7) % doctors;
    const p = k % patients;
    const past = startAt.getTime() < now;
    const status = past ? (k % 10 === 0 ? 'cancelled' : 'completed') : 'booked';
    const { doctorSlotKey, ...rest } = strip(template.appointment);
    return {
      ...rest,
      _id: `bench-appointment-${k}`,
      doctorId: doctorId(d),
      patientId: patientId(p),
      doctor: { ...template.appointment.doctor, id: doctorId(d) },
      patient: { ...template.appointment.patient, id: patientId(p), fullName: `Patient ${p}` },
      startAt,
      endAt: new Date(startAt.getTime() + HALF_HOUR),
      startDay: utcDay(startAt),
      status,
      ...(ACTIVE.includes(status) ? { doctorSlotKey: `${doctorId(d)}|${startAt.toISOString()}` } : {}),
      version: 1,
    };
  });
  // One room per patient, with the doctor of their first appointment; 4N messages over the year.
  const roomOf = (p) => `${doctorId((p * 7) % doctors)}:${patientId(p)}`;
  const messagesPerRoom = Math.round((size * 4) / patients);
  await insert('chat', 'chatRooms', patients, (p) => {
    const d = (p * 7) % doctors;
    const { lastMessage, ...room } = strip(template.room);
    return {
      ...room,
      _id: roomOf(p),
      doctorId: doctorId(d),
      patientId: patientId(p),
      doctor: { ...room.doctor, id: doctorId(d) },
      patient: { ...room.patient, id: patientId(p), fullName: `Patient ${p}` },
      readUpTo: {},
      unread: {},
      messageCount: messagesPerRoom,
      createdAt: new Date(firstDay - DAY),
    };
  });
  await insert('chat', 'chatMessages', size * 4, (m) => {
    const p = m % patients;
    const sequence = Math.floor(m / patients);
    const at = firstDay + Math.floor((sequence / messagesPerRoom) * (PAST_DAYS * DAY));
    // An id from that moment, unique: its first four bytes are the time, the rest random.
    const _id = new ObjectId(
      Math.floor(at / 1000)
        .toString(16)
        .padStart(8, '0') + randomBytes(8).toString('hex'),
    );
    const room = roomOf(p);
    return {
      ...strip(template.message),
      _id,
      roomId: room,
      senderId: sequence % 2 ? room.split(':')[0] : patientId(p),
      clientId: randomUUID(),
      createdAt: new Date(at),
      day: utcDay(new Date(at)),
    };
  });
  await insert('notifications', 'notifications', size * 2, (k) => {
    const at = new Date(
      firstDay + (k % (PAST_DAYS + FUTURE_DAYS)) * DAY * (PAST_DAYS / (PAST_DAYS + FUTURE_DAYS)),
    );
    const read = k % 3 !== 0;
    const { readAt, markedReadHour, ...rest } = template.notification;
    return {
      ...rest,
      _id: `bench-notification-${k}`,
      userId: patientId(k % patients),
      sourceId: `bench-source-${k}`,
      createdAt: at,
      createdHour: utcHour(at),
      read,
      ...(read ? { readAt: at, markedReadHour: utcHour(at) } : {}),
    };
  });
  await mongo.close();
  console.error(`seeded in ${Math.round((Date.now() - started) / 1000)} s`);

  const sample = (count, make) =>
    Array.from({ length: Math.min(count, 200) }, (_, i) =>
      make(Math.floor((i * count) / Math.min(count, 200))),
    );
  return {
    samplePatients: sample(patients, (p) => ({
      id: patientId(p),
      role: 'patient',
      email: `${patientId(p)}@bench.test`,
      roomId: roomOf(p),
    })),
    sampleDoctors: sample(doctors, (d) => ({
      id: doctorId(d),
      role: 'doctor',
      email: `${doctorId(d)}@bench.test`,
    })),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchmarkGrowth()
    .then((report) => console.log(report))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
