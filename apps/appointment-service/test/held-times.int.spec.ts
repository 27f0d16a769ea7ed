import { randomUUID } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import { AppointmentSubjects, type Actor, type AppointmentView, type SlotListView } from '@arogyam/contracts';
import { createServiceApp, loadConfig } from '@arogyam/service-kit';
import { rpcFailure, startServiceUnderTest, waitFor, type ServiceUnderTest } from '@arogyam/testing';
import { appointmentService } from '../src/appointment-service';
import { AppointmentServiceConfig } from '../src/config/appointment-service.config';
import { answerProfiles, type ProfileResponders } from './profile-responders';

const HOUR = 3_600_000;
const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));

/**
 * Slot listings and booking's overlap check read each instance's in-memory held times
 * (slots/doctor-held-times.ts), and listings its in-memory schedules (availability/
 * doctor-schedules.ts). Two instances in one queue group on one database: whichever instance
 * booked, cancelled or took the new schedule, every instance's answer must show it.
 */
describe('held times across instances', () => {
  let first: ServiceUnderTest;
  let second: INestMicroservice;
  let profiles: ProfileResponders;
  let doctor: Actor;

  beforeAll(async () => {
    first = await startServiceUnderTest(appointmentService, { INSTANCE_ID: 'first' });
    const config = loadConfig(AppointmentServiceConfig, {
      MONGO_URL: first.infra.mongoUrl,
      MONGO_DB: first.dbName,
      NATS_URL: first.infra.natsUrl,
      INSTANCE_ID: 'second',
      LOG_LEVEL: 'error',
    });
    second = await createServiceApp(appointmentService, config);
    await second.listen();
    profiles = answerProfiles(first.nats);
    doctor = { userId: randomUUID(), role: 'doctor' };
    profiles.listDoctor({ id: doctor.userId, fullName: 'Asha Rao', specialization: 'General Medicine' });
    await first.rpc.send(AppointmentSubjects.setAvailability, {
      actor: doctor,
      body: { timezone: 'UTC', slotMinutes: 30, weekly: allDay },
    });
  });

  afterAll(async () => {
    profiles?.stop();
    await second?.close();
    await first?.stop();
  });

  const patient = (): Actor => {
    const actor: Actor = { userId: randomUUID(), role: 'patient' };
    profiles.addPatient({ id: actor.userId, fullName: 'Meena Kumari' });
    return actor;
  };

  /** Twenty listings of the slot, spread over both instances by the queue group. */
  const everyListingShows = async (startAt: Date, available: boolean): Promise<boolean> => {
    const listings = await Promise.all(
      Array.from({ length: 20 }, () =>
        first.rpc.send<SlotListView>(AppointmentSubjects.listSlots, {
          doctorId: doctor.userId,
          from: startAt.toISOString(),
          to: new Date(startAt.getTime() + 1).toISOString(),
        }),
      ),
    );
    return listings.every((listing) => listing.slots[0]?.available === available);
  };

  it('a booking and its cancellation show in every instance’s slot listing', async () => {
    const startAt = new Date(Math.ceil((Date.now() + 50 * HOUR) / HOUR) * HOUR);
    const owner = patient();
    // The schedule was published through one instance; the other learns of it by a notice.
    await waitFor(() => everyListingShows(startAt, true), 5000, 'every instance to list the schedule');

    const booked = await first.rpc.send<AppointmentView>(AppointmentSubjects.book, {
      actor: owner,
      body: { doctorId: doctor.userId, startAt: startAt.toISOString(), mode: 'video' },
    });
    await waitFor(() => everyListingShows(startAt, false), 5000, 'every instance to list the slot as taken');

    await first.rpc.send(AppointmentSubjects.cancel, { actor: owner, body: { appointmentId: booked.id } });
    await waitFor(() => everyListingShows(startAt, true), 5000, 'every instance to list the slot as free');
  });

  it('a new schedule shows in every instance’s slot listing', async () => {
    const from = new Date(Math.ceil((Date.now() + 120 * HOUR) / HOUR) * HOUR);
    const slotLengths = async (): Promise<Set<number>> => {
      const listings = await Promise.all(
        Array.from({ length: 20 }, () =>
          first.rpc.send<SlotListView>(AppointmentSubjects.listSlots, {
            doctorId: doctor.userId,
            from: from.toISOString(),
            to: new Date(from.getTime() + HOUR).toISOString(),
          }),
        ),
      );
      return new Set(
        listings.flatMap((listing) =>
          listing.slots.map((slot) => Date.parse(slot.endAt) - Date.parse(slot.startAt)),
        ),
      );
    };
    for (const slotMinutes of [60, 30]) {
      await first.rpc.send(AppointmentSubjects.setAvailability, {
        actor: doctor,
        body: { timezone: 'UTC', slotMinutes, weekly: allDay },
      });
      await waitFor(
        async () => {
          const lengths = await slotLengths();
          return lengths.size === 1 && lengths.has(slotMinutes * 60_000);
        },
        5000,
        `every instance to list ${slotMinutes}-minute slots`,
      );
    }
  });

  it('refuses, on either instance, a slot of a new schedule that overlaps one booked under the old', async () => {
    const startAt = new Date(Math.ceil((Date.now() + 80 * HOUR) / HOUR) * HOUR);
    await first.rpc.send(AppointmentSubjects.book, {
      actor: patient(),
      body: { doctorId: doctor.userId, startAt: startAt.toISOString(), mode: 'video' },
    });
    // 20-minute slots from midnight: 00:20 lies inside the 00:00–00:30 appointment.
    await first.rpc.send(AppointmentSubjects.setAvailability, {
      actor: doctor,
      body: { timezone: 'UTC', slotMinutes: 20, weekly: allDay },
    });
    const overlapping = new Date(startAt.getTime() + 20 * 60_000).toISOString();
    const attempts = await Promise.all(
      Array.from({ length: 6 }, () =>
        rpcFailure(
          first.rpc.send(AppointmentSubjects.book, {
            actor: patient(),
            body: { doctorId: doctor.userId, startAt: overlapping, mode: 'video' },
          }),
        ),
      ),
    );
    expect(attempts.map((failure) => failure.statusCode)).toEqual([409, 409, 409, 409, 409, 409]);
    await first.rpc.send(AppointmentSubjects.setAvailability, {
      actor: doctor,
      body: { timezone: 'UTC', slotMinutes: 30, weekly: allDay },
    });
  });
});
