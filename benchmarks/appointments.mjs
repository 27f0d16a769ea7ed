#!/usr/bin/env node
// Booking under contention and 30-day slot listing through the gateway (issue: appointments).
// 200 verified doctors with 30-minute slots around the clock, 100 patients booking at once.
import { createRequire } from 'node:module';
import { ADMIN, call, cpuMeter, cpuTable, inBatches, machine, startStack } from './lib/stack.mjs';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const { MongoClient } = require('mongodb');

const DOCTORS = Number(process.env.BENCH_DOCTORS_WITH_HOURS ?? 200);
const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const HALF_HOUR = 30 * 60_000;
const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));

export async function benchmarkAppointments() {
  const stack = await startStack();
  try {
    const { base } = stack;
    const admin = (await call(base, 'POST', '/api/admin/login', { body: ADMIN })).body.accessToken;
    console.error(`seeding ${DOCTORS} doctors and ${PATIENTS} patients…`);
    const doctors = await inBatches(DOCTORS, 8, async (i) => {
      const registered = await call(base, 'POST', '/api/doctors/register', {
        body: {
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
          email: `patient${i}@bench.test`,
          password: 'bench-patient-1',
          fullName: `Patient Bench ${i}`,
        },
      });
      return registered.body.accessToken;
    });

    // Slots from tomorrow over 3 days: 200 doctors × 144 slots, so patients collide often.
    const firstSlot = Math.ceil((Date.now() + 24 * 3_600_000) / HALF_HOUR) * HALF_HOUR;
    const slotCount = 144;
    const booked = [];
    const statuses = {};
    let n = 0;
    console.error(`${new Date().toISOString()} booking with ${PATIENTS} concurrent patients…`);
    const bookingCpu = cpuMeter(stack);
    const booking = await autocannon({
      url: base,
      connections: PATIENTS,
      duration: SECONDS,
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

    const bookingCpuMs = bookingCpu(booking.requests.total);

    // Zero double bookings: in the answers, and in the database itself.
    const answeredTwice = booked.length - new Set(booked.map((a) => `${a.doctorId}|${a.startAt}`)).size;
    const mongo = await MongoClient.connect(stack.infra.mongoUrl, { retryWrites: false });
    const stored = await mongo
      .db('arogyam_appointments')
      .collection('appointments')
      .find(
        { status: { $in: ['booked', 'checked_in', 'in_consultation'] } },
        { projection: { doctorId: 1, startAt: 1 } },
      )
      .toArray();
    await mongo.close();
    const storedTwice =
      stored.length - new Set(stored.map((a) => `${a.doctorId}|${new Date(a.startAt).toISOString()}`)).size;

    console.error(`${new Date().toISOString()} listing 30 days of slots…`);
    const from = new Date().toISOString();
    const to = new Date(Date.now() + 30 * 24 * 3_600_000).toISOString();
    const listingCpu = cpuMeter(stack);
    const slots = await autocannon({
      url: base,
      connections: 50,
      duration: SECONDS,
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

    const listingCpuMs = listingCpu(slots.requests.total);
    console.error(`${new Date().toISOString()} done`);

    return [
      `Appointments: ${machine()}. ${DOCTORS} doctors (30-minute slots, all day), ${PATIENTS} patients, ${SECONDS} s per row.`,
      '',
      '| scenario | req/s | p50 ms | p99 ms | answers |',
      '|---|---|---|---|---|',
      `| booking, ${PATIENTS} concurrent patients over ${DOCTORS} doctors | ${Math.round(booking.requests.average)} | ${booking.latency.p50} | ${booking.latency.p99} | ${Object.entries(
        statuses,
      )
        .map(([s, c]) => `${c} × ${s}`)
        .join(', ')} |`,
      `| 30-day slot listing, 50 connections | ${Math.round(slots.requests.average)} | ${slots.latency.p50} | ${slots.latency.p99} | ${slots.non2xx ?? 0} non-2xx |`,
      '',
      `Double bookings: ${answeredTwice} among the ${booked.length} 201 answers, ${storedTwice} among the ${stored.length} active appointments stored.`,
      '',
      'Where the CPU went (all processes share the two cores; event consumers included):',
      '',
      cpuTable({ booking: bookingCpuMs, '30-day listing': listingCpuMs }),
    ].join('\n');
  } finally {
    await stack.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchmarkAppointments()
    .then((report) => console.log(report))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
