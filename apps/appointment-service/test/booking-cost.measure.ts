/**
 * What a booking, a cancellation and a slot listing cost: the reads and writes each sends (counted
 * on the service's own connection) and their latency, plus bookings at 200 at once and 50 patients
 * racing for one slot (docs/decisions.md, "Appointments"). Not part of the test suite (the name
 * does not end in .spec.ts); run it on its own:
 *
 *   npx jest -c apps/appointment-service/jest.config.js --testMatch '**\/booking-cost.measure.ts'
 *
 * It talks to the service over NATS only, so the same file measured the code before the change.
 */
import { randomUUID } from 'node:crypto';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { AppointmentSubjects, type Actor, type AppointmentView } from '@arogyam/contracts';
import { startServiceUnderTest, type ServiceUnderTest } from '@arogyam/testing';
import { appointmentService } from '../src/appointment-service';
import { answerProfiles, type ProfileResponders } from './profile-responders';

const HOUR = 3_600_000;
const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
const READS = new Set(['find', 'findOne', 'countDocuments', 'aggregate', 'distinct']);

const percentile = (sorted: number[], share: number): string =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))].toFixed(1);

describe('what booking, cancelling and listing cost', () => {
  let service: ServiceUnderTest;
  let profiles: ProfileResponders;
  let connection: Connection;

  beforeAll(async () => {
    service = await startServiceUnderTest(appointmentService);
    profiles = answerProfiles(service.nats);
    connection = service.app.get<Connection>(getConnectionToken());
  });

  afterAll(async () => {
    profiles?.stop();
    await service?.stop();
  });

  const doctor = async (): Promise<Actor> => {
    const actor: Actor = { userId: randomUUID(), role: 'doctor' };
    profiles.listDoctor({ id: actor.userId, fullName: 'Asha Rao', specialization: 'General Medicine' });
    await service.rpc.send(AppointmentSubjects.setAvailability, {
      actor,
      body: { timezone: 'UTC', slotMinutes: 30, weekly: allDay },
    });
    return actor;
  };
  const patient = (): Actor => {
    const actor: Actor = { userId: randomUUID(), role: 'patient' };
    profiles.addPatient({ id: actor.userId, fullName: 'Meena Kumari' });
    return actor;
  };
  const book = (actor: Actor, dr: Actor, startAt: Date): Promise<AppointmentView> =>
    service.rpc.send(AppointmentSubjects.book, {
      actor,
      body: { doctorId: dr.userId, startAt: startAt.toISOString(), mode: 'video' },
    });

  /** Runs `work` `times` times one after the other: database operations per run, and latency. */
  const measure = async (times: number, work: (run: number) => Promise<unknown>) => {
    const operations: string[] = [];
    connection.set('debug', (collection: string, operation: string) =>
      operations.push(`${collection}.${operation}`),
    );
    const took: number[] = [];
    try {
      for (let run = 0; run < times; run++) {
        const started = performance.now();
        await work(run);
        took.push(performance.now() - started);
      }
    } finally {
      connection.set('debug', false);
    }
    took.sort((a, b) => a - b);
    const counts: Record<string, number> = {};
    for (const operation of operations) counts[operation] = (counts[operation] ?? 0) + 1;
    const perRun = Object.fromEntries(Object.entries(counts).map(([operation, n]) => [operation, n / times]));
    return {
      reads: operations.filter((operation) => READS.has(operation.split('.')[1])).length / times,
      writes: operations.filter((operation) => !READS.has(operation.split('.')[1])).length / times,
      perRun,
      p50: percentile(took, 0.5),
      p90: percentile(took, 0.9),
    };
  };

  it('measures', async () => {
    const base = Math.ceil((Date.now() + 48 * HOUR) / HOUR) * HOUR;
    const at = (hours: number): Date => new Date(base + hours * HOUR);
    const busy = await doctor();
    for (let hour = 0; hour < 20; hour++) await book(patient(), busy, at(hour)); // warm-up

    const booking = await measure(100, (run) => book(patient(), busy, at(100 + run)));

    const doctors = await Promise.all(Array.from({ length: 5 }, doctor));
    const startedAll = performance.now();
    const together: number[] = [];
    await Promise.all(
      Array.from({ length: 200 }, async (_, index) => {
        const started = performance.now();
        await book(patient(), doctors[index % 5], at(300 + Math.floor(index / 5)));
        together.push(performance.now() - started);
      }),
    );
    const perSecond = Math.round((200 / (performance.now() - startedAll)) * 1000);
    together.sort((a, b) => a - b);

    const startedRace = performance.now();
    const race = await Promise.allSettled(Array.from({ length: 50 }, () => book(patient(), busy, at(500))));
    const raceMs = Math.round(performance.now() - startedRace);

    const toCancel: AppointmentView[] = [];
    for (let run = 0; run < 20; run++) toCancel.push(await book(patient(), busy, at(600 + run)));
    const cancellation = await measure(20, (run) =>
      service.rpc.send(AppointmentSubjects.cancel, {
        actor: { userId: toCancel[run].patientId, role: 'patient' },
        body: { appointmentId: toCancel[run].id },
      }),
    );
    // About 90 of the doctor's appointments fall in each week listed.
    const listing = await measure(20, (run) =>
      service.rpc.send(AppointmentSubjects.listSlots, {
        doctorId: busy.userId,
        from: at(run).toISOString(),
        to: at(run + 7 * 24).toISOString(),
      }),
    );

    console.log(
      JSON.stringify(
        {
          booking,
          bookings200AtOnce: { perSecond, p50: percentile(together, 0.5), p99: percentile(together, 0.99) },
          race50: { ms: raceMs, won: race.filter((result) => result.status === 'fulfilled').length },
          cancellation,
          listing7Days: listing,
          appointmentIndexes: (await service.db.collection('appointments').indexes()).length,
          load: (await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').trim(),
        },
        null,
        1,
      ),
    );
  });
});
