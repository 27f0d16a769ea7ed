import { randomUUID } from 'node:crypto';
import {
  AppointmentSubjects,
  DOCTOR_SCHEDULE_CHANGED,
  type Actor,
  type AppointmentView,
  type SlotListView,
} from '@arogyam/contracts';
import type { RpcClient } from '@arogyam/messaging';
import { rpcFailure, startServiceUnderTest, type ServiceUnderTest } from '@arogyam/testing';
import { appointmentService } from '../src/appointment-service';
import { bridgeNotices, type NoticeBridge } from './notice-bridge';
import { answerProfiles, type ProfileResponders } from './profile-responders';
import { startSecondInstance, type SecondInstance } from './second-instance';

const HOUR = 3_600_000;
const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
const SLOT_TAKEN = 'That slot is taken; please choose another.';
const PATIENT_BUSY = 'You already have an appointment at that time.';

/**
 * Two appointment-service instances on one database, each reached through its own NATS so that
 * every request goes to the instance the test names. Held times and the patient's overlap check
 * read the database, so what one instance stored, the other answers from at once: no waiting
 * anywhere below. Schedules are kept a while by each instance and dropped on
 * `appointment.schedule.changed`, which the test carries between the two servers as one NATS
 * would (notice-bridge.ts).
 */
describe('two appointment-service instances', () => {
  let first: ServiceUnderTest;
  let second: SecondInstance;
  let profiles: ProfileResponders;
  let scheduleNotices: NoticeBridge;
  let drAsha: Actor;
  let drBose: Actor;
  let hoursAhead = 48;
  const via = (): { first: RpcClient; second: RpcClient } => ({ first: first.rpc, second: second.rpc });

  const patient = (): Actor => {
    const actor: Actor = { userId: randomUUID(), role: 'patient' };
    profiles.addPatient({ id: actor.userId, fullName: 'Meena Kumari' });
    return actor;
  };
  const doctor = async (fullName: string, slotMinutes: number): Promise<Actor> => {
    const actor: Actor = { userId: randomUUID(), role: 'doctor' };
    profiles.listDoctor({ id: actor.userId, fullName, specialization: 'General Medicine' });
    await setSchedule(first.rpc, actor, slotMinutes);
    return actor;
  };
  const setSchedule = (rpc: RpcClient, actor: Actor, slotMinutes: number) =>
    rpc.send(AppointmentSubjects.setAvailability, {
      actor,
      body: { timezone: 'UTC', slotMinutes, weekly: allDay },
    });
  /** A whole UTC hour at least two days ahead that no earlier test used. */
  const freshHour = (): Date => {
    hoursAhead += 3;
    return new Date(Math.ceil((Date.now() + hoursAhead * HOUR) / HOUR) * HOUR);
  };
  const book = (rpc: RpcClient, actor: Actor, dr: Actor, startAt: Date): Promise<AppointmentView> =>
    rpc.send(AppointmentSubjects.book, {
      actor,
      body: { doctorId: dr.userId, startAt: startAt.toISOString(), mode: 'video' },
    });
  const slotAt = async (rpc: RpcClient, dr: Actor, startAt: Date) => {
    const { slots } = await rpc.send<SlotListView>(AppointmentSubjects.listSlots, {
      doctorId: dr.userId,
      from: startAt.toISOString(),
      to: new Date(startAt.getTime() + 1).toISOString(),
    });
    return slots[0];
  };

  beforeAll(async () => {
    first = await startServiceUnderTest(appointmentService, { INSTANCE_ID: 'first' });
    second = await startSecondInstance(first);
    profiles = answerProfiles(first.nats, second.nats);
    scheduleNotices = bridgeNotices(DOCTOR_SCHEDULE_CHANGED, first.nats, second.nats);
    drAsha = await doctor('Asha Rao', 30); // hh:00 and hh:30
    drBose = await doctor('Bimal Bose', 60); // hh:00
  });

  afterAll(async () => {
    profiles?.stop();
    scheduleNotices?.stop();
    await second?.stop();
    await first?.stop();
  });

  it('a booking through one is held at once in the other’s listing and refused by the other’s booking', async () => {
    const startAt = freshHour();
    const owner = patient();
    expect(await slotAt(via().second, drAsha, startAt)).toMatchObject({ available: true });

    const booked = await book(via().first, owner, drAsha, startAt);

    expect(await slotAt(via().second, drAsha, startAt)).toMatchObject({ available: false });
    expect(await rpcFailure(book(via().second, patient(), drAsha, startAt))).toMatchObject({
      statusCode: 409,
      message: SLOT_TAKEN,
    });
    // The patient's own time too: another doctor's overlapping slot, through the other instance.
    expect(await rpcFailure(book(via().second, owner, drBose, startAt))).toMatchObject({
      statusCode: 409,
      message: PATIENT_BUSY,
    });

    await via().second.send(AppointmentSubjects.cancel, { actor: owner, body: { appointmentId: booked.id } });
    expect(await slotAt(via().first, drAsha, startAt)).toMatchObject({ available: true });
    expect((await book(via().first, owner, drBose, startAt)).status).toBe('booked');
    expect((await book(via().first, patient(), drAsha, startAt)).status).toBe('booked');
  });

  it('a schedule change through one is listed by the other once its notice is there, though both had read the old one', async () => {
    const dr = await doctor('Chitra Das', 30);
    const from = freshHour();
    const slotLengths = async (rpc: RpcClient): Promise<number[]> => {
      const { slots } = await rpc.send<SlotListView>(AppointmentSubjects.listSlots, {
        doctorId: dr.userId,
        from: from.toISOString(),
        to: new Date(from.getTime() + 2 * HOUR).toISOString(),
      });
      return [...new Set(slots.map((slot) => Date.parse(slot.endAt) - Date.parse(slot.startAt)))];
    };
    for (const [writer, reader, slotMinutes] of [
      ['first', 'second', 60],
      ['second', 'first', 20],
      ['first', 'second', 30],
    ] as const) {
      // Both instances have just read (and keep) the schedule before the change.
      await slotLengths(via().first);
      await slotLengths(via().second);
      const carried = scheduleNotices.nextCarried();
      await setSchedule(via()[writer], dr, slotMinutes);
      await carried;
      expect(await slotLengths(via()[reader])).toEqual([slotMinutes * 60_000]);
    }
  });

  it('refuses, on either instance, a slot of a new schedule that overlaps one booked under the old', async () => {
    const dr = await doctor('Dev Menon', 30);
    const startAt = freshHour();
    await book(via().first, patient(), dr, startAt); // hh:00–hh:30
    // 20-minute slots from midnight: hh:20 lies inside the hh:00–hh:30 appointment.
    const carried = scheduleNotices.nextCarried();
    await setSchedule(via().second, dr, 20);
    await carried;
    const overlapping = new Date(startAt.getTime() + 20 * 60_000);

    const attempts = await Promise.all(
      (['first', 'second', 'first', 'second', 'first', 'second'] as const).map((instance) =>
        rpcFailure(book(via()[instance], patient(), dr, overlapping)),
      ),
    );

    expect(attempts.map((failure) => [failure.statusCode, failure.message])).toEqual(
      Array(6).fill([409, SLOT_TAKEN]),
    );
  });

  it('of 50 patients booking one slot through both instances at once, books exactly one', async () => {
    const startAt = freshHour();
    const patients = Array.from({ length: 50 }, patient);

    const results = await Promise.allSettled(
      patients.map((actor, index) => book(index % 2 ? via().second : via().first, actor, drAsha, startAt)),
    );

    const won = results.filter((result) => result.status === 'fulfilled');
    const lost = results.filter((result) => result.status === 'rejected') as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost.map((result) => [result.reason.payload.statusCode, result.reason.payload.message])).toEqual(
      Array(49).fill([409, SLOT_TAKEN]),
    );
    expect(
      await first.db.collection('appointments').countDocuments({ doctorId: drAsha.userId, startAt }),
    ).toBe(1);
    // The 49 refused bookings gave their patients' time back.
    const day = startAt.toISOString().slice(0, 10);
    const days = await first.db
      .collection('patientDays')
      .find({ _id: { $in: patients.map((actor) => `${actor.userId}|${day}`) } } as object)
      .toArray();
    expect(days.flatMap((found) => found.holds)).toHaveLength(1);
  });

  it('of one patient booking overlapping slots of three doctors through both instances at once, books exactly one', async () => {
    const drEapen = await doctor('Eapen Kurian', 120); // hh:00–(hh+2):00 on even hours
    for (let round = 0; round < 8; round++) {
      const owner = patient();
      const startAt = freshHour();
      const evenHour = new Date(startAt.getTime() - (startAt.getUTCHours() % 2) * HOUR);
      // Half the rounds race to open the patient's day (the insert decides), half to write it (the version does).
      if (round % 2) {
        await first.db.collection('patientDays').insertOne({
          _id: `${owner.userId}|${startAt.toISOString().slice(0, 10)}`,
          patientId: owner.userId,
          day: startAt.toISOString().slice(0, 10),
          holds: [],
          version: 3,
        } as object);
      }
      const results = await Promise.allSettled([
        book(via().first, owner, drAsha, startAt), // hh:00–hh:30
        book(via().second, owner, drBose, startAt), // hh:00–(hh+1):00
        book(round % 2 ? via().first : via().second, owner, drEapen, evenHour), // covers hh:00–(hh+1):00
      ]);

      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      for (const lost of results.filter((result) => result.status === 'rejected')) {
        expect((lost as PromiseRejectedResult).reason.payload).toMatchObject({
          statusCode: 409,
          message: PATIENT_BUSY,
        });
      }
      expect(
        await first.db
          .collection('appointments')
          .countDocuments({ patientId: owner.userId, status: 'booked' }),
      ).toBe(1);
    }
  });
});
