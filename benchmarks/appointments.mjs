#!/usr/bin/env node
// Booking under contention and 30-day slot listing through the gateway (issue: appointments).
// 200 verified doctors with 30-minute slots around the clock, 100 patients booking at once.
import { createRequire } from 'node:module';
import {
  ADMIN,
  call,
  CONSENT,
  cpuMeter,
  cpuSeconds,
  cpuSecondsWithChildren,
  cpuTable,
  databaseWorkMeter,
  inBatches,
  machine,
  percentile,
  quiet,
  startStack,
} from './lib/stack.mjs';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const { MongoClient } = require('mongodb');

const DOCTORS = Number(process.env.BENCH_DOCTORS_WITH_HOURS ?? 200);
const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARM_UP_SECONDS = 3;
const PACED_RATE = Number(process.env.BENCH_BOOKING_RATE ?? 100);
const HALF_HOUR = 30 * 60_000;
const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));

export async function benchmarkAppointments() {
  // Gateway 2 has the slot-listing cache off, to show the path behind it.
  const stack = await startStack({
    gateways: 2,
    gatewayEnv: (i) => (i === 1 ? { SLOT_LISTING_CACHE_TTL_SECONDS: '0' } : {}),
  });
  try {
    const { base } = stack;
    const admin = (await call(base, 'POST', '/api/admin/login', { body: ADMIN })).body.accessToken;
    console.error(`seeding ${DOCTORS} doctors and ${PATIENTS} patients…`);
    const doctors = await inBatches(DOCTORS, 8, async (i) => {
      const registered = await call(base, 'POST', '/api/doctors/register', {
        body: {
          ...CONSENT,
          email: `doctor${i}@bench.test`,
          password: 'bench-doctor-1',
          fullName: `Dr Bench ${i}`,
          specialization: 'General Medicine',
          licenseNumber: `BENCH-${100000 + i}`,
          yearsOfExperience: 5,
          consultationFee: { amount: 30000, currency: 'INR' },
        },
      });
      const { id } = registered.body.user;
      await call(base, 'POST', `/api/admin/doctors/${id}/verify`, {
        token: admin,
        body: { decision: 'approved' },
      });
      await call(base, 'PUT', '/api/doctors/me/availability', {
        token: registered.body.accessToken,
        body: { timezone: 'Asia/Kolkata', slotMinutes: 30, weekly: allDay },
      });
      return id;
    });
    const patients = await inBatches(PATIENTS, 8, async (i) => {
      const registered = await call(base, 'POST', '/api/patients/register', {
        body: {
          ...CONSENT,
          email: `patient${i}@bench.test`,
          password: 'bench-patient-1',
          fullName: `Patient Bench ${i}`,
        },
      });
      return registered.body.accessToken;
    });

    // Slots from tomorrow over 3 days: 200 doctors × 144 slots, so patients collide often. The
    // warm-up books the 3 days after those, so the measured rows find the same free slots and
    // patients' days as a cold start would, on a warm platform.
    const slotCount = 144;
    const measuredFirstSlot = Math.ceil((Date.now() + 24 * 3_600_000) / HALF_HOUR) * HALF_HOUR;
    const warmUpFirstSlot = measuredFirstSlot + slotCount * HALF_HOUR;
    const booked = [];
    let n = 0;
    const bookingRun = async ({ firstSlot = measuredFirstSlot, ...options }) => {
      const statuses = {};
      const result = await autocannon({
        url: base,
        connections: PATIENTS,
        duration: SECONDS,
        ...options,
        requests: [
          {
            method: 'POST',
            path: '/api/appointments',
            setupRequest: (request) => {
              n += 1;
              const doctorId = doctors[Math.floor(Math.random() * doctors.length)];
              const startAt = new Date(
                firstSlot + Math.floor(Math.random() * slotCount) * HALF_HOUR,
              ).toISOString();
              return {
                ...request,
                headers: {
                  'content-type': 'application/json',
                  authorization: `Bearer ${patients[n % patients.length]}`,
                },
                body: JSON.stringify({ doctorId, startAt, mode: 'video' }),
              };
            },
            onResponse: (status, body) => {
              statuses[status] = (statuses[status] ?? 0) + 1;
              if (status === 201) booked.push(JSON.parse(body));
            },
          },
        ],
      });
      return { result, statuses };
    };

    // Unmeasured warm-up (JIT, connections, the services' profile and schedule caches), as before
    // each listing row; a cold first row read about a quarter more CPU per booking (docs/benchmarks.md).
    console.error(`${new Date().toISOString()} warming up: booking on other days for ${WARM_UP_SECONDS} s…`);
    await bookingRun({ firstSlot: warmUpFirstSlot, duration: WARM_UP_SECONDS });
    // What seeding and the warm-up set off (welcome emails, profile events, the warm-up's
    // notifications) must not be counted as the measured bookings' work.
    await quiet(stack);
    console.error(`${new Date().toISOString()} booking with ${PATIENTS} concurrent patients…`);
    let cpu = cpuMeter(stack);
    const databaseWork = databaseWorkMeter(stack);
    const closedLoop = await bookingRun({});
    // Read once the event consumers have caught up: their work for these bookings counts too.
    await quiet(stack);
    const closedLoopCpu = cpu(closedLoop.result.requests.total);
    const bookingDatabaseWork = await databaseWork(closedLoop.result.requests.total);

    console.error(`${new Date().toISOString()} booking at ${PACED_RATE}/s over ${PATIENTS} connections…`);
    const paced = await bookingRun({ overallRate: PACED_RATE });
    await quiet(stack);

    // Zero double bookings: in the answers, and in the database itself.
    const answeredTwice = booked.length - new Set(booked.map((a) => `${a.doctorId}|${a.startAt}`)).size;
    const mongo = await MongoClient.connect(stack.infra.mongoUrl, { retryWrites: false });
    const appointments = mongo.db('arogyam_appointments').collection('appointments');
    const stored = await appointments
      .find(
        { status: { $in: ['booked', 'checked_in', 'in_consultation'] } },
        { projection: { doctorId: 1, startAt: 1 } },
      )
      .toArray();
    const storedTwice =
      stored.length - new Set(stored.map((a) => `${a.doctorId}|${new Date(a.startAt).toISOString()}`)).size;

    const from = new Date().toISOString();
    const to = new Date(Date.now() + 30 * 24 * 3_600_000).toISOString();
    const listingRun = async (url) => {
      const load = (duration) =>
        autocannon({
          url,
          connections: 50,
          duration,
          // As a browser asks (the patient SPA's fetch): listings are gzipped when accepted.
          headers: { 'accept-encoding': 'gzip' },
          requests: [
            {
              method: 'GET',
              setupRequest: (request) => ({
                ...request,
                path: `/api/doctors/${doctors[Math.floor(Math.random() * doctors.length)]}/slots?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
              }),
            },
          ],
        });
      // Unmeasured warm-up at the same load (JIT, connections, and the cache where it is on).
      await load(WARM_UP_SECONDS);
      cpu = cpuMeter(stack);
      const result = await load(SECONDS);
      const cpuMs = cpu(result.requests.total);
      await quiet(stack);
      return { result, cpuMs };
    };
    console.error(`${new Date().toISOString()} listing 30 days of slots (gateway cache on, then off)…`);
    const cached = await listingRun(stack.urls[0]);
    const uncached = await listingRun(stack.urls[1]);

    console.error(`${new Date().toISOString()} the database alone: inserts like a booking's…`);
    const floor = await databaseFloor(stack.infra, appointments);
    await mongo.close();

    const row = (scenario, { result, statuses }, answers) =>
      `| ${scenario} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p99} | ${
        answers ??
        Object.entries(statuses)
          .map(([s, c]) => `${c} × ${s}`)
          .join(', ')
      } |`;
    return [
      `Appointments: ${machine()}. ${DOCTORS} doctors (30-minute slots, all day), ${PATIENTS} patients, ${SECONDS} s per row; the platform is left to go quiet between rows, and the booking rows follow ${WARM_UP_SECONDS} s of unmeasured booking on other days, and each listing row ${WARM_UP_SECONDS} s of unmeasured warm-up at the same load.`,
      '',
      '| scenario | req/s | p50 ms | p99 ms | answers |',
      '|---|---|---|---|---|',
      row(
        `booking, ${PATIENTS} concurrent patients over ${DOCTORS} doctors (each sends the next at once)`,
        closedLoop,
      ),
      row(`booking, ${PATIENTS} patients connected, ${PACED_RATE} bookings/s offered`, paced),
      row(
        '30-day slot listing, 50 connections (Accept-Encoding: gzip, as browsers send)',
        cached,
        `${cached.result.non2xx ?? 0} non-2xx`,
      ),
      row(
        '30-day slot listing, 50 connections (gzip), gateway cache off',
        uncached,
        `${uncached.result.non2xx ?? 0} non-2xx`,
      ),
      `| the database alone: ${PATIENTS} concurrent inserts of a booking's document into a copy of the appointments collection (same indexes), no platform | ${floor.perSecond} | ${floor.p50} | ${floor.p99} | FerretDB + PostgreSQL CPU ${floor.cpuMs} ms per insert |`,
      '',
      `Double bookings: ${answeredTwice} among the ${booked.length} 201 answers, ${storedTwice} among the ${stored.length} active appointments stored.`,
      '',
      'Where the CPU went (all processes share the two cores; event consumers included):',
      '',
      cpuTable({
        booking: closedLoopCpu,
        '30-day listing': cached.cpuMs,
        '30-day listing, cache off': uncached.cpuMs,
      }),
      ...(bookingDatabaseWork
        ? [
            '',
            "What the database did per booking of the first row (PostgreSQL's counters; event consumers included; 409s count as requests):",
            '',
            bookingDatabaseWork,
          ]
        : []),
    ].join('\n');
  } finally {
    await stack.stop();
  }
}

/**
 * What the database alone allows: PATIENTS concurrent inserts of documents shaped like the stored
 * appointments (a real one with fresh ids and slot keys) into a scratch copy of the collection with
 * the same indexes, straight through the driver with the services' pool size. A booking does this
 * insert and more (reads, the patient's day, the outbox), so its latency cannot beat these numbers.
 * CPU: FerretDB's and PostgreSQL's (with its backends) per insert.
 */
async function databaseFloor(infra, appointments) {
  const { mongo: ferretPid, postgres: postgresPid } = infra.pids ?? {};
  const databaseCpu = () =>
    (ferretPid ? cpuSeconds(ferretPid) : 0) + (postgresPid ? cpuSecondsWithChildren(postgresPid) : 0);
  const template = await appointments.findOne({ doctorSlotKey: { $exists: true } });
  // The services' pool size (MONGO_MAX_POOL_SIZE).
  const client = await MongoClient.connect(infra.mongoUrl, { maxPoolSize: 10 });
  const target = client.db('bench_floor').collection('appointments');
  for (const index of await appointments.listIndexes().toArray()) {
    if (index.name === '_id_') continue;
    const { key, name, unique = false, sparse = false } = index;
    await target.createIndex(key, { name, unique, sparse });
  }
  const latencies = [];
  let i = 0;
  const cpuBefore = databaseCpu();
  const end = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: PATIENTS }, async () => {
      while (Date.now() < end) {
        i += 1;
        const id = `floor-${i}`;
        const started = performance.now();
        await target.insertOne({ ...template, _id: id, doctorSlotKey: id, outbox: [] });
        latencies.push(performance.now() - started);
      }
    }),
  );
  const cpuAfter = databaseCpu();
  await client.close();
  latencies.sort((a, b) => a - b);
  return {
    perSecond: Math.round(latencies.length / SECONDS),
    p50: Math.round(percentile(latencies, 0.5)),
    p99: Math.round(percentile(latencies, 0.99)),
    cpuMs: (((cpuAfter - cpuBefore) * 1000) / latencies.length).toFixed(1),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchmarkAppointments()
    .then((report) => console.log(report))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
