import { randomUUID } from 'node:crypto';
import {
  AppointmentCallEventTypes,
  AppointmentEventTypes,
  AppointmentSubjects,
  VideoEventTypes,
  type AppointmentCallRecordedEvent,
  DOCTOR_DIRECTORY_CHANGED,
  EVENTS_STREAM,
  eventSubject,
  type Actor,
  type AppointmentEvent,
  type AppointmentQueueView,
  type AppointmentView,
  type ClinicalNotesView,
  type DoctorAppointmentsDashboardView,
  type Page,
  type PatientAppointmentsDashboardView,
  type SlotListView,
} from '@arogyam/contracts';
import { createEvent } from '@arogyam/messaging';
import {
  indexesFerretDbLacks,
  indexesOnceBuilt,
  rpcFailure,
  startServiceUnderTest,
  waitFor,
  type ServiceUnderTest,
} from '@arogyam/testing';
import { PAGES_COUNTED_AHEAD } from '@arogyam/persistence';
import { appointmentService } from '../src/appointment-service';
import { answerProfiles, type ProfileResponders } from './profile-responders';

const HOUR = 3_600_000;
const admin: Actor = { userId: 'admin-1', role: 'admin' };
const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));

describe('appointment-service: appointments and notes', () => {
  let service: ServiceUnderTest;
  let profiles: ProfileResponders;
  /** Listed, Asia/Kolkata, 30-minute slots all day; half-hours line up with UTC's. */
  let drAsha: Actor;
  /** Listed, 60-minute slots from local midnight: they start at hh:30Z. */
  let drBose: Actor;
  /** Has a schedule but is not listed (pending verification): doctor-service answers 404. */
  let drPending: Actor;
  let hoursAhead = 48;

  const newPatient = (fullName = 'Meena Kumari'): Actor => {
    const actor: Actor = { userId: randomUUID(), role: 'patient' };
    profiles.addPatient({ id: actor.userId, fullName });
    return actor;
  };
  /** A whole UTC hour at least two days ahead that no earlier test used. */
  const freshHour = (): Date => {
    hoursAhead += 3;
    return new Date(Math.ceil((Date.now() + hoursAhead * HOUR) / HOUR) * HOUR);
  };
  const book = (actor: Actor, body: Record<string, unknown>): Promise<AppointmentView> =>
    service.rpc.send(AppointmentSubjects.book, { actor, body });
  const bookAt = (actor: Actor, doctor: Actor, startAt: Date, mode = 'video'): Promise<AppointmentView> =>
    book(actor, { doctorId: doctor.userId, startAt: startAt.toISOString(), mode });
  const setStatus = (actor: Actor, appointmentId: string, status: string): Promise<AppointmentView> =>
    service.rpc.send(AppointmentSubjects.setStatus, { actor, body: { appointmentId, status } });
  const cancel = (actor: Actor, appointmentId: string, reason?: string): Promise<AppointmentView> =>
    service.rpc.send(AppointmentSubjects.cancel, {
      actor,
      body: { appointmentId, ...(reason ? { reason } : {}) },
    });
  const reschedule = (actor: Actor, appointmentId: string, startAt: Date): Promise<AppointmentView> =>
    service.rpc.send(AppointmentSubjects.reschedule, {
      actor,
      body: { appointmentId, startAt: startAt.toISOString() },
    });
  const getFor = (actor: Actor, appointmentId: string): Promise<AppointmentView> =>
    service.rpc.send(AppointmentSubjects.getForActor, { actor, appointmentId });
  const slotAt = async (doctor: Actor, startAt: Date) => {
    const { slots } = await service.rpc.send<SlotListView>(AppointmentSubjects.listSlots, {
      doctorId: doctor.userId,
      from: startAt.toISOString(),
      to: new Date(startAt.getTime() + 1).toISOString(),
    });
    return slots[0];
  };
  const stored = (appointmentId: string) =>
    service.db.collection('appointments').findOne({ _id: appointmentId } as object);
  const appointmentCount = () => service.db.collection('appointments').countDocuments();
  const patientDays = () => service.db.collection('patientDays');
  const dayId = (patient: Actor, at: Date): string => `${patient.userId}|${at.toISOString().slice(0, 10)}`;
  /** Stores the patient's UTC day of `at` with nothing held on it, as a cancelled booking leaves it. */
  const openDay = (patient: Actor, at: Date) =>
    patientDays().insertOne({
      _id: dayId(patient, at),
      patientId: patient.userId,
      day: at.toISOString().slice(0, 10),
      holds: [],
      version: 3,
    } as object);
  /** The patient's holds on the UTC day of `at` whose time covers `at`. */
  const holdsAt = async (patient: Actor, at: Date) => {
    const day = await patientDays().findOne({ _id: dayId(patient, at) } as object);
    return ((day?.holds ?? []) as { appointmentId: string; startAt: Date; endAt: Date }[]).filter(
      (hold) => hold.startAt <= at && at < hold.endAt,
    );
  };
  const lastEvent = (type: string, appointmentId: string) =>
    waitFor(
      async () => {
        const jsm = await service.nats.jetstreamManager();
        const message = await jsm.streams.getMessage(EVENTS_STREAM, { last_by_subj: eventSubject(type) });
        const event = message.json<AppointmentEvent>();
        return event.payload.id === appointmentId ? event : undefined;
      },
      10000,
      `evt.${type} of ${appointmentId}`,
    );

  /** A doctor with a schedule of `slotMinutes` slots all day (Asia/Kolkata unless said); listed unless said. */
  const listedDoctor = async (
    fullName: string,
    slotMinutes: number,
    listed = true,
    timezone = 'Asia/Kolkata',
  ): Promise<Actor> => {
    const actor: Actor = { userId: randomUUID(), role: 'doctor' };
    if (listed) profiles.listDoctor({ id: actor.userId, fullName, specialization: 'General Medicine' });
    await service.rpc.send(AppointmentSubjects.setAvailability, {
      actor,
      body: { timezone, slotMinutes, weekly: allDay },
    });
    return actor;
  };

  beforeAll(async () => {
    service = await startServiceUnderTest(appointmentService);
    profiles = answerProfiles(service.nats);
    drAsha = await listedDoctor('Asha Rao', 30);
    drBose = await listedDoctor('Bimal Bose', 60);
    drPending = await listedDoctor('Pending Pillai', 30, false);
  });

  afterAll(async () => {
    profiles?.stop();
    await service?.stop();
  });

  it('holds the doctor’s slot by one unique index and the patient’s time in day documents; no text, geo or TTL index', async () => {
    await bookAt(newPatient(), drAsha, freshHour());
    const indexes = await indexesOnceBuilt(service.db, 'appointments', 10, 20000);
    expect(indexesFerretDbLacks(indexes)).toEqual([]);
    expect(indexes.map((index) => Object.keys(index.key).join(',')).sort()).toEqual(
      [
        '_id',
        'doctorSlotKey',
        'outboxPending',
        'doctorId,startDay',
        'startDay,startAt,_id',
        'patientId,startAt,_id',
        'doctorId,startAt,_id',
        'patientId,status,startAt',
        'doctorId,status,startAt',
        'doctorId,patientId,status,startAt',
      ].sort(),
    );
    const unique = indexes.filter((index) => index.unique && index.name !== '_id_');
    expect(unique.map((index) => Object.keys(index.key))).toEqual([['doctorSlotKey']]);
    // A patient's day is read and written by `_id` only; change claims are gone.
    expect((await service.db.collection('patientDays').indexes()).map((index) => index.name)).toEqual([
      '_id_',
    ]);
    const collections = (await service.db.db!.listCollections().toArray()).map((found) => found.name);
    expect(collections).not.toContain('appointmentChanges');
  });

  describe('booking', () => {
    it('books a future slot with both names, takes the slot, and publishes evt.appointment.booked', async () => {
      const patient = newPatient('Ravi Shankar');
      const startAt = freshHour();

      const booked = await book(patient, {
        doctorId: drAsha.userId,
        startAt: startAt.toISOString().replace('.000Z', '+00:00'),
        mode: 'video',
        reason: '  Recurring headaches  ',
      });

      expect(booked).toEqual({
        id: expect.any(String),
        doctorId: drAsha.userId,
        patientId: patient.userId,
        doctor: { id: drAsha.userId, fullName: 'Asha Rao', specialization: 'General Medicine' },
        patient: { id: patient.userId, fullName: 'Ravi Shankar' },
        startAt: startAt.toISOString(),
        endAt: new Date(startAt.getTime() + HOUR / 2).toISOString(),
        mode: 'video',
        reason: 'Recurring headaches',
        status: 'booked',
        createdAt: expect.any(String),
      });
      expect(await slotAt(drAsha, startAt)).toMatchObject({
        startAt: startAt.toISOString(),
        available: false,
      });
      expect(await lastEvent(AppointmentEventTypes.booked, booked.id)).toMatchObject({
        type: AppointmentEventTypes.booked,
        version: 1,
        payload: booked,
      });
      // Published events leave the document: the relay does not publish them again.
      await waitFor(async () => (await stored(booked.id))?.outbox.length === 0, 10000, 'the outbox to drain');
    });

    it("reuses a doctor's profile until doctor-service says their listing changed", async () => {
      const doctor = await listedDoctor('Dr Cached Kapoor', 30);
      await bookAt(newPatient(), doctor, freshHour());
      await bookAt(newPatient(), doctor, freshHour());
      expect(profiles.doctorAsks(doctor.userId)).toBe(1);

      // As doctor-service does after a suspension or a reversed approval: change, then notice.
      profiles.unlistDoctor(doctor.userId);
      service.nats.publish(
        DOCTOR_DIRECTORY_CHANGED,
        JSON.stringify({ id: doctor.userId, origin: 'doctor-service#test' }),
      );
      await service.nats.flush();
      await waitFor(
        // A fresh hour each try: a try that the notice has not yet reached books its slot.
        async () => (await rpcFailure(bookAt(newPatient(), doctor, freshHour()))).statusCode === 404,
        5000,
        'the unlisted doctor to be refused',
      );
      expect(profiles.doctorAsks(doctor.userId)).toBeGreaterThanOrEqual(2);
    });

    it('refuses the past, times that are no slot, unlisted or unknown doctors and malformed input, storing nothing', async () => {
      const patient = newPatient();
      const before = await appointmentCount();
      const pastHour = new Date(Math.floor((Date.now() - HOUR) / HOUR) * HOUR);
      const startAt = freshHour();

      expect(await rpcFailure(bookAt(patient, drAsha, pastHour))).toMatchObject({
        statusCode: 422,
        message: 'That time has already passed; choose a future slot.',
      });
      expect(
        await rpcFailure(bookAt(patient, drAsha, new Date(startAt.getTime() + 10 * 60_000))),
      ).toMatchObject({
        statusCode: 422,
        message: "That is not a bookable slot of this doctor's schedule.",
      });
      expect(await rpcFailure(bookAt(patient, drPending, startAt))).toMatchObject({
        statusCode: 404,
        message: 'No verified doctor with that id is taking appointments.',
      });
      expect(
        await rpcFailure(bookAt(patient, { userId: randomUUID(), role: 'doctor' }, startAt)),
      ).toMatchObject({
        statusCode: 404,
      });
      for (const badStart of [
        '2027-02-30T10:00:00Z',
        'tomorrow at ten',
        '2027-01-04 10:00',
        '2027-01-04T10:00:00',
      ]) {
        const failure = await rpcFailure(
          book(patient, { doctorId: drAsha.userId, startAt: badStart, mode: 'video' }),
        );
        expect(failure.statusCode).toBe(400);
        expect(new Set(failure.details?.map((detail) => detail.field))).toEqual(new Set(['startAt']));
      }
      const badFields = await rpcFailure(
        book(patient, {
          doctorId: drAsha.userId,
          startAt: startAt.toISOString(),
          mode: 'carrier pigeon',
          reason: 'x'.repeat(501),
        }),
      );
      expect(badFields.details?.map((detail) => detail.field).sort()).toEqual(['mode', 'reason']);
      expect(await appointmentCount()).toBe(before);
    });

    it('is for patients with a profile only', async () => {
      const startAt = freshHour();
      expect(await rpcFailure(bookAt(drBose, drAsha, startAt))).toMatchObject({ statusCode: 403 });
      expect(
        await rpcFailure(bookAt({ userId: randomUUID(), role: 'patient' }, drAsha, startAt)),
      ).toMatchObject({
        statusCode: 422,
        message: 'Complete your patient profile before booking.',
      });
    });

    it('answers 409 for a taken slot, and of ten patients racing for one slot exactly one wins', async () => {
      const startAt = freshHour();
      const first = await bookAt(newPatient(), drAsha, startAt);
      expect(await rpcFailure(bookAt(newPatient(), drAsha, startAt))).toMatchObject({
        statusCode: 409,
        message: 'That slot is taken; please choose another.',
      });

      const raceAt = freshHour();
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, () => bookAt(newPatient(), drAsha, raceAt)),
      );
      const won = results.filter((result) => result.status === 'fulfilled');
      expect(won).toHaveLength(1);
      expect(
        await service.db
          .collection('appointments')
          .countDocuments({ doctorId: drAsha.userId, startAt: raceAt }),
      ).toBe(1);
      expect(first.status).toBe('booked');
    });

    it('keeps a patient from holding two overlapping appointments, even with different doctors and slot lengths', async () => {
      const patient = newPatient();
      const hour = freshHour(); // hh:00Z
      await bookAt(patient, drAsha, hour); // hh:00–hh:30

      // Dr Bose's hour-long slots start at hh:30Z: (hh-1):30–hh:30 overlaps, hh:30–(hh+1):30 follows on.
      expect(await rpcFailure(bookAt(patient, drBose, new Date(hour.getTime() - HOUR / 2)))).toMatchObject({
        statusCode: 409,
        code: 'patient_busy',
        message: 'You already have an appointment at that time.',
      });
      expect((await bookAt(patient, drBose, new Date(hour.getTime() + HOUR / 2))).status).toBe('booked');
      // Another patient is not affected by the first one's time.
      expect((await bookAt(newPatient(), drBose, new Date(hour.getTime() - HOUR / 2))).status).toBe('booked');
    });

    it('of one patient booking overlapping slots of three doctors at the same moment, lets exactly one through', async () => {
      const drDas = await listedDoctor('Chitra Das', 60, true, 'UTC'); // hour-long slots from hh:00Z
      for (let round = 0; round < 8; round++) {
        const patient = newPatient();
        const hour = freshHour();
        // Half the rounds race to open the day (the insert decides), half to write it (the version does).
        if (round % 2) await openDay(patient, hour);
        const results = await Promise.allSettled([
          bookAt(patient, drAsha, hour), // hh:00–hh:30
          bookAt(patient, drBose, new Date(hour.getTime() - HOUR / 2)), // (hh-1):30–hh:30
          bookAt(patient, drDas, hour), // hh:00–(hh+1):00
        ]);

        const won = results.filter((result) => result.status === 'fulfilled');
        expect(won).toHaveLength(1);
        for (const lost of results.filter((result) => result.status === 'rejected')) {
          expect((lost as PromiseRejectedResult).reason.payload).toMatchObject({
            statusCode: 409,
            message: 'You already have an appointment at that time.',
          });
        }
        expect(
          await service.db
            .collection('appointments')
            .countDocuments({ patientId: patient.userId, status: 'booked' }),
        ).toBe(1);
        expect((await holdsAt(patient, hour)).map((hold) => hold.appointmentId)).toEqual([
          (won[0] as PromiseFulfilledResult<AppointmentView>).value.id,
        ]);
      }
    });

    it('counts a hold whose appointment is still being written, or still has that time, and drops a stale one', async () => {
      const patient = newPatient();
      const hour = freshHour();
      const aMinuteAgo = new Date(Date.now() - 60_000);
      const hold = (appointmentId: string, heldAt: Date) => ({
        appointmentId,
        startAt: hour,
        endAt: new Date(hour.getTime() + HOUR / 2),
        heldAt,
      });
      const setHolds = (holds: object[]) =>
        patientDays().replaceOne(
          { _id: dayId(patient, hour) } as object,
          { patientId: patient.userId, day: hour.toISOString().slice(0, 10), holds, version: 7 },
          { upsert: true },
        );

      // In flight: no appointment (yet), written just now.
      await setHolds([hold(randomUUID(), new Date())]);
      expect(await rpcFailure(bookAt(patient, drAsha, hour))).toMatchObject({
        statusCode: 409,
        code: 'patient_busy',
        message: 'You already have an appointment at that time.',
      });

      // Stale: its appointment was never stored (a crash between the two writes).
      await setHolds([hold(randomUUID(), aMinuteAgo)]);
      const booked = await bookAt(patient, drAsha, hour);
      const day = await patientDays().findOne({ _id: dayId(patient, hour) } as object);
      expect(day?.version).toBe(8);
      expect(day?.holds.map((kept: { appointmentId: string }) => kept.appointmentId)).toEqual([booked.id]);

      // Old, but its appointment is booked at that time: it counts.
      await setHolds([hold(booked.id, aMinuteAgo)]);
      expect(await rpcFailure(bookAt(patient, drBose, new Date(hour.getTime() - HOUR / 2)))).toMatchObject({
        statusCode: 409,
        code: 'patient_busy',
        message: 'You already have an appointment at that time.',
      });

      // Old, and its appointment was cancelled (the release was lost): stale.
      await cancel(patient, booked.id);
      await setHolds([hold(booked.id, aMinuteAgo)]);
      expect((await bookAt(patient, drBose, new Date(hour.getTime() - HOUR / 2))).status).toBe('booked');
    });

    it('holds a time that crosses UTC midnight on both days', async () => {
      const patient = newPatient();
      const night = await listedDoctor('Night Nair', 60); // hour-long slots from local midnight: hh:30Z
      const day = new Date(Date.now() + 25 * 24 * HOUR).toISOString().slice(0, 10);
      const lateEvening = new Date(`${day}T23:30:00.000Z`);
      const nextMorning = new Date(lateEvening.getTime() + HOUR / 2);
      const { id } = await bookAt(patient, night, lateEvening); // 23:30–00:30

      for (const at of [lateEvening, nextMorning]) {
        expect((await holdsAt(patient, at)).map((hold) => hold.appointmentId)).toEqual([id]);
      }
      expect(await rpcFailure(bookAt(patient, drAsha, nextMorning))).toMatchObject({
        statusCode: 409,
        code: 'patient_busy',
        message: 'You already have an appointment at that time.',
      });
      await cancel(patient, id);
      for (const at of [lateEvening, nextMorning]) expect(await holdsAt(patient, at)).toEqual([]);
      expect((await bookAt(patient, drAsha, nextMorning)).status).toBe('booked');
    });
  });

  describe('the status machine', () => {
    /** A refused change writes nothing at all, not even `updatedAt`. */
    const snapshot = (appointmentId: string) => stored(appointmentId);
    const expectRefused = async (actor: Actor, appointmentId: string, statuses: string[]) => {
      for (const status of statuses) {
        const before = await snapshot(appointmentId);
        expect(await rpcFailure(setStatus(actor, appointmentId, status))).toMatchObject({ statusCode: 409 });
        expect(await snapshot(appointmentId)).toEqual(before);
      }
    };

    it('walks booked → checked in → in consultation → completed; every other move is 409 and changes nothing', async () => {
      const patient = newPatient();
      const { id } = await bookAt(patient, drAsha, freshHour());

      await expectRefused(drAsha, id, ['in_consultation', 'completed']);
      expect((await setStatus(patient, id, 'checked_in')).status).toBe('checked_in');
      await expectRefused(drAsha, id, ['checked_in', 'completed']);
      expect((await setStatus(drAsha, id, 'in_consultation')).status).toBe('in_consultation');
      await expectRefused(drAsha, id, ['checked_in', 'in_consultation', 'no_show', 'cancelled']);
      expect(await rpcFailure(cancel(patient, id))).toMatchObject({ statusCode: 409 });
      const completed = await setStatus(drAsha, id, 'completed');
      expect(completed.status).toBe('completed');
      await expectRefused(drAsha, id, ['checked_in', 'in_consultation', 'completed', 'no_show', 'cancelled']);

      const history = (await stored(id))?.statusHistory as { status: string; role: string }[];
      expect(history.map((entry) => `${entry.status}/${entry.role}`)).toEqual([
        'booked/patient',
        'checked_in/patient',
        'in_consultation/doctor',
        'completed/doctor',
      ]);
      expect(await lastEvent(AppointmentEventTypes.completed, id)).toMatchObject({ payload: completed });
    });

    it('ends in no-show or cancellation only before the consultation, and both free the slot', async () => {
      const startAt = freshHour();
      const noShow = await bookAt(newPatient(), drAsha, startAt);
      expect((await setStatus(drAsha, noShow.id, 'no_show')).status).toBe('no_show');
      await expectRefused(drAsha, noShow.id, [
        'checked_in',
        'in_consultation',
        'completed',
        'no_show',
        'cancelled',
      ]);
      expect(await lastEvent(AppointmentEventTypes.statusChanged, noShow.id)).toMatchObject({
        payload: { status: 'no_show' },
      });

      const rebooked = await bookAt(newPatient(), drAsha, startAt);
      expect((await setStatus(drAsha, rebooked.id, 'cancelled')).status).toBe('cancelled');
      expect(await slotAt(drAsha, startAt)).toMatchObject({ available: true });
    });

    it('lets a patient only check in, and only on their own appointment', async () => {
      const patient = newPatient();
      const { id } = await bookAt(patient, drAsha, freshHour());

      expect(await rpcFailure(setStatus(patient, id, 'in_consultation'))).toMatchObject({ statusCode: 403 });
      expect(await rpcFailure(setStatus(newPatient(), id, 'checked_in'))).toMatchObject({ statusCode: 404 });
      expect(await rpcFailure(setStatus(drBose, id, 'checked_in'))).toMatchObject({ statusCode: 404 });
      expect(await rpcFailure(setStatus(admin, id, 'checked_in'))).toMatchObject({ statusCode: 403 });
      expect(await rpcFailure(setStatus(patient, id, 'asleep'))).toMatchObject({ statusCode: 400 });
      expect((await stored(id))?.status).toBe('booked');
    });

    it('lets exactly one of many simultaneous changes from one version through', async () => {
      const { id } = await bookAt(newPatient(), drAsha, freshHour());

      const results = await Promise.allSettled([
        ...Array.from({ length: 4 }, () => setStatus(drAsha, id, 'no_show')),
        ...Array.from({ length: 4 }, () => setStatus(drAsha, id, 'cancelled')),
      ]);

      const won = results.filter(
        (result) => result.status === 'fulfilled',
      ) as PromiseFulfilledResult<AppointmentView>[];
      expect(won).toHaveLength(1);
      for (const result of results.filter((result) => result.status === 'rejected')) {
        expect((result as PromiseRejectedResult).reason.payload.statusCode).toBe(409);
      }
      const after = await stored(id);
      expect(after?.status).toBe(won[0].value.status);
      expect(after?.statusHistory).toHaveLength(2);
      expect(after?.version).toBe(2);
    });

    it('lets exactly one of many simultaneous check-ins through', async () => {
      const patient = newPatient();
      const { id } = await bookAt(patient, drAsha, freshHour());

      const results = await Promise.allSettled(
        Array.from({ length: 6 }, () => setStatus(patient, id, 'checked_in')),
      );

      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      expect((await stored(id))?.statusHistory).toHaveLength(2);
    });
  });

  describe('reschedule and cancel', () => {
    it('moves to a free slot in one step: the new slot is taken, the old one free, and evt.appointment.rescheduled published', async () => {
      const patient = newPatient();
      const from = freshHour();
      const to = freshHour();
      const { id } = await bookAt(patient, drAsha, from);

      const moved = await reschedule(patient, id, to);

      expect(moved).toMatchObject({
        id,
        startAt: to.toISOString(),
        endAt: new Date(to.getTime() + HOUR / 2).toISOString(),
      });
      expect(await slotAt(drAsha, from)).toMatchObject({ available: true });
      expect(await slotAt(drAsha, to)).toMatchObject({ available: false });
      expect(await lastEvent(AppointmentEventTypes.rescheduled, id)).toMatchObject({ payload: moved });
      expect((await bookAt(newPatient(), drAsha, from)).status).toBe('booked');
    });

    it('answers 409 when the new slot is taken and keeps the old one', async () => {
      const patient = newPatient();
      const mine = freshHour();
      const taken = freshHour();
      const { id } = await bookAt(patient, drAsha, mine);
      await bookAt(newPatient(), drAsha, taken);

      expect(await rpcFailure(reschedule(drAsha, id, taken))).toMatchObject({
        statusCode: 409,
        message: 'That slot is taken; please choose another.',
      });
      expect(await getFor(patient, id)).toMatchObject({ startAt: mine.toISOString() });
      expect(await slotAt(drAsha, mine)).toMatchObject({ available: false });
      // The version was given back: the next change goes through.
      expect((await reschedule(patient, id, freshHour())).status).toBe('booked');
    });

    it('of two appointments racing into one slot, moves exactly one', async () => {
      const target = freshHour();
      const first = await bookAt(newPatient(), drAsha, freshHour());
      const second = await bookAt(newPatient(), drAsha, freshHour());

      const results = await Promise.allSettled([
        reschedule(drAsha, first.id, target),
        reschedule(drAsha, second.id, target),
      ]);

      expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(
        await service.db
          .collection('appointments')
          .countDocuments({ doctorSlotKey: `${drAsha.userId}|${target.toISOString()}` }),
      ).toBe(1);
    });

    it('moves the patient’s hold with the appointment, and refuses a move onto another of their appointments', async () => {
      const patient = newPatient();
      const from = freshHour();
      const to = freshHour();
      const busy = freshHour();
      const { id } = await bookAt(patient, drAsha, from);
      const other = await bookAt(patient, drBose, new Date(busy.getTime() - HOUR / 2)); // (hh-1):30–hh:30

      expect(await rpcFailure(reschedule(patient, id, busy))).toMatchObject({
        statusCode: 409,
        code: 'patient_busy',
        message: 'You already have an appointment at that time.',
      });
      expect(await getFor(patient, id)).toMatchObject({ startAt: from.toISOString() });
      expect((await holdsAt(patient, busy)).map((hold) => hold.appointmentId)).toEqual([other.id]);

      await reschedule(patient, id, to);
      expect(await holdsAt(patient, from)).toEqual([]);
      expect(await holdsAt(patient, to)).toEqual([
        expect.objectContaining({ appointmentId: id, startAt: to, endAt: new Date(to.getTime() + HOUR / 2) }),
      ]);
      // The old time is the patient's again; the new one is not.
      expect((await bookAt(patient, drBose, new Date(from.getTime() - HOUR / 2))).status).toBe('booked');
      expect(await rpcFailure(bookAt(patient, drBose, new Date(to.getTime() - HOUR / 2)))).toMatchObject({
        statusCode: 409,
        code: 'patient_busy',
        message: 'You already have an appointment at that time.',
      });
    });

    it('of two changes moving one appointment to the same time at once, moves it once and keeps its hold', async () => {
      const patient = newPatient();
      const from = freshHour();
      const to = freshHour();
      const { id } = await bookAt(patient, drAsha, from);

      const results = await Promise.allSettled([reschedule(patient, id, to), reschedule(drAsha, id, to)]);

      // Read at the same version, one wins and the other gets 409; read after the first moved it,
      // the second finds it there already and answers it unchanged. Either way it moved once.
      const refused = results.filter(
        (result): result is PromiseRejectedResult => result.status === 'rejected',
      );
      expect(refused.length).toBeLessThanOrEqual(1);
      for (const refusal of refused) expect(refusal.reason.payload).toMatchObject({ statusCode: 409 });
      for (const result of results) {
        if (result.status === 'fulfilled') expect(result.value).toMatchObject({ startAt: to.toISOString() });
      }
      expect(await stored(id)).toMatchObject({ version: 2, startAt: to });
      expect(await holdsAt(patient, from)).toEqual([]);
      expect((await holdsAt(patient, to)).map((hold) => hold.appointmentId)).toEqual([id]);
      expect(await rpcFailure(bookAt(patient, drBose, new Date(to.getTime() - HOUR / 2)))).toMatchObject({
        statusCode: 409,
      });
    });

    it('refuses to move what is not booked, to a time that is no slot, or someone else’s', async () => {
      const patient = newPatient();
      const { id } = await bookAt(patient, drAsha, freshHour());

      expect(
        await rpcFailure(reschedule(patient, id, new Date(freshHour().getTime() + 7 * 60_000))),
      ).toMatchObject({ statusCode: 422 });
      expect(await rpcFailure(reschedule(newPatient(), id, freshHour()))).toMatchObject({ statusCode: 404 });
      await setStatus(patient, id, 'checked_in');
      expect(await rpcFailure(reschedule(patient, id, freshHour()))).toMatchObject({ statusCode: 409 });
    });

    it('frees the slot for someone else, keeps the reason, marks a cancellation inside 24 hours late', async () => {
      const soon = new Date(Math.ceil((Date.now() + 2 * HOUR) / HOUR) * HOUR);
      const early = await bookAt(newPatient(), drAsha, freshHour());
      const late = await bookAt(newPatient(), drAsha, soon);

      const cancelledEarly = await cancel(drAsha, early.id, 'Doctor on leave');
      const cancelledLate = await cancel({ userId: late.patientId, role: 'patient' }, late.id);

      expect(cancelledEarly).toMatchObject({
        status: 'cancelled',
        cancelledLate: false,
        cancelledBy: 'doctor',
        cancellationReason: 'Doctor on leave',
      });
      expect(cancelledLate).toMatchObject({
        status: 'cancelled',
        cancelledLate: true,
        cancelledBy: 'patient',
      });
      expect(await lastEvent(AppointmentEventTypes.cancelled, late.id)).toMatchObject({
        payload: cancelledLate,
      });
      expect((await bookAt(newPatient(), drAsha, soon)).status).toBe('booked');
      expect(await rpcFailure(cancel(drAsha, early.id))).toMatchObject({ statusCode: 409 });
    });
  });

  describe('reading appointments', () => {
    it('keeps each video call as a record from video-service events, once, and publishes call_recorded', async () => {
      const patient = newPatient();
      const { id } = await bookAt(patient, drAsha, freshHour());
      const facts = { appointmentId: id, doctorId: drAsha.userId, patientId: patient.userId };
      const missed = {
        ...facts,
        callId: randomUUID(),
        ringingAt: '2026-12-01T04:29:00.000Z',
        endedAt: '2026-12-01T04:30:00.000Z',
      };
      const answered = {
        ...facts,
        callId: randomUUID(),
        mode: 'p2p',
        ringingAt: '2026-12-01T04:30:50.000Z',
        startedAt: '2026-12-01T04:31:00.000Z',
        endedAt: '2026-12-01T04:46:30.000Z',
        durationSeconds: 930,
        endedBy: drAsha.userId,
        outcome: 'completed',
        joined: ['doctor', 'patient'],
      };
      await service.events.publish(createEvent(VideoEventTypes.callMissed, missed));
      // Missed and ended calls have consumers of their own: the missed one is recorded first, so
      // the last call_recorded event below is the answered call's.
      await waitFor(
        async () => (await getFor(patient, id)).calls?.length === 1,
        10000,
        'the missed call recorded',
      );
      const ended = createEvent(VideoEventTypes.callEnded, answered);
      await service.events.publish(ended);
      // A redelivery (another event id, the same call) records nothing more.
      await service.events.publish(createEvent(VideoEventTypes.callEnded, answered));

      const records = [
        {
          id: missed.callId,
          outcome: 'missed',
          ringingAt: missed.ringingAt,
          endedAt: missed.endedAt,
          durationSeconds: 0,
          joined: ['doctor'],
        },
        {
          id: answered.callId,
          outcome: 'completed',
          ringingAt: answered.ringingAt,
          startedAt: answered.startedAt,
          endedAt: answered.endedAt,
          durationSeconds: 930,
          joined: ['doctor', 'patient'],
        },
      ];
      const view = await waitFor(
        async () => {
          const seen = await getFor(patient, id);
          return seen.calls?.length === 2 ? seen : undefined;
        },
        10000,
        'two call records',
      );
      expect(view.calls).toEqual(records);
      expect(view.call).toEqual({
        startedAt: answered.startedAt,
        endedAt: answered.endedAt,
        durationSeconds: 930,
      });
      expect((await getFor(drAsha, id)).calls).toEqual(records);
      expect((await getFor(admin, id)).calls).toEqual(records);
      const recorded = await waitFor(
        async () => {
          const jsm = await service.nats.jetstreamManager();
          const message = await jsm.streams.getMessage(EVENTS_STREAM, {
            last_by_subj: eventSubject(AppointmentCallEventTypes.callRecorded),
          });
          const event = message.json<AppointmentCallRecordedEvent>();
          return event.payload.call.id === answered.callId ? event : undefined;
        },
        10000,
        'evt.appointment.call_recorded',
      );
      expect(recorded.payload).toMatchObject({
        appointmentId: id,
        doctor: { id: drAsha.userId, fullName: 'Asha Rao' },
        patient: { id: patient.userId },
        call: records[1],
      });
      // The duplicate left the records as they were.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await getFor(patient, id)).calls).toHaveLength(2);
    });

    it('shows the doctor’s queue who waits in the video waiting room, and since when; an older change does not undo a newer', async () => {
      const patient = newPatient();
      const { id } = await bookAt(patient, drAsha, freshHour());
      const change = (waiting: boolean, occurredAt: Date, since?: string) => ({
        ...createEvent(VideoEventTypes.waitingChanged, {
          appointmentId: id,
          doctorId: drAsha.userId,
          patientId: patient.userId,
          waiting,
          ...(since ? { since } : {}),
        }),
        occurredAt: occurredAt.toISOString(),
      });
      const since = new Date(Date.now() - 60_000).toISOString();
      await service.events.publish(change(true, new Date(Date.now() - 60_000), since));
      const waiting = await waitFor(
        async () => ((await getFor(drAsha, id)).waitingSince ? getFor(drAsha, id) : undefined),
        10000,
        'waitingSince',
      );
      expect(waiting.waitingSince).toBe(since);
      // Late and older: ignored.
      await service.events.publish(change(false, new Date(Date.now() - 120_000)));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect((await getFor(drAsha, id)).waitingSince).toBe(since);
      await service.events.publish(change(false, new Date()));
      await waitFor(async () => (await getFor(drAsha, id)).waitingSince === undefined, 10000, 'not waiting');
      expect((await stored(id))?.waitingChangedAt).toBeInstanceOf(Date);
    });

    let patient: Actor;
    let ids: string[];

    beforeAll(async () => {
      patient = newPatient('Leela Das');
      ids = [];
      for (const doctor of [drAsha, drBose]) {
        const hour = freshHour();
        const startAt = doctor === drBose ? new Date(hour.getTime() + HOUR / 2) : hour;
        ids.push((await bookAt(patient, doctor, startAt)).id);
      }
      await cancel(patient, ids[0]);
    });

    it('shows an appointment to its patient, its doctor and admins only', async () => {
      for (const actor of [patient, drAsha, admin]) expect((await getFor(actor, ids[0])).id).toBe(ids[0]);
      for (const actor of [newPatient(), drBose]) {
        expect(await rpcFailure(getFor(actor, ids[0]))).toMatchObject({ statusCode: 404 });
      }
      expect(await service.rpc.send(AppointmentSubjects.get, { appointmentId: ids[1] })).toMatchObject({
        id: ids[1],
      });
      expect(
        await rpcFailure(service.rpc.send(AppointmentSubjects.get, { appointmentId: 'nope' })),
      ).toMatchObject({
        statusCode: 404,
      });
    });

    it('lists one’s own appointments newest first, by status, with a total', async () => {
      const mine = await service.rpc.send<Page<AppointmentView>>(AppointmentSubjects.list, {
        actor: patient,
      });
      expect(mine.items.map((item) => item.id)).toEqual([ids[1], ids[0]]);
      expect(mine).toMatchObject({ total: 2, page: 1, limit: 20 });

      const cancelled = await service.rpc.send<Page<AppointmentView>>(AppointmentSubjects.list, {
        actor: patient,
        query: { status: 'cancelled' },
      });
      expect(cancelled.items.map((item) => item.id)).toEqual([ids[0]]);

      const doctors = await service.rpc.send<Page<AppointmentView>>(AppointmentSubjects.list, {
        actor: drBose,
        query: { limit: 100 },
      });
      expect(doctors.items.every((item) => item.doctorId === drBose.userId)).toBe(true);
      expect(await rpcFailure(service.rpc.send(AppointmentSubjects.list, { actor: admin }))).toMatchObject({
        statusCode: 403,
      });
    });

    it('lists a UTC day of everyone’s appointments for admins', async () => {
      const { startAt } = await getFor(patient, ids[1]);
      const day = await service.rpc.send<Page<AppointmentView>>(AppointmentSubjects.listForDay, {
        actor: admin,
        query: { date: startAt.slice(0, 10), limit: 100 },
      });
      expect(day.items.map((item) => item.id)).toContain(ids[1]);
      expect(day.items.every((item) => item.startAt.startsWith(startAt.slice(0, 10)))).toBe(true);
      expect(
        await rpcFailure(
          service.rpc.send(AppointmentSubjects.listForDay, { actor: drAsha, query: { date: '2027-01-01' } }),
        ),
      ).toMatchObject({ statusCode: 403 });
    });

    it('counts an admin’s day at most ten pages past the page, and says so; the last page is exact', async () => {
      const countedAhead = PAGES_COUNTED_AHEAD * 20;
      const template = (await stored(ids[1]))!;
      const day = '2031-03-04';
      const many = countedAhead + 13;
      const copies = Array.from({ length: many }, (_, i) => {
        const startAt = new Date(Date.parse(`${day}T00:00:00Z`) + i * 60_000);
        return {
          ...template,
          _id: `day-count-${i}`,
          startAt,
          endAt: new Date(startAt.getTime() + 30 * 60_000),
          startDay: day,
          doctorSlotKey: `day-count-${i}`,
          // No events to publish, whether or not the relay has cleared the template's yet.
          outbox: [],
        };
      });
      await service.db.collection('appointments').insertMany(copies as never[]);
      try {
        const pageOfDay = (page: number) =>
          service.rpc.send<Page<AppointmentView>>(AppointmentSubjects.listForDay, {
            actor: admin,
            query: { date: day, page },
          });
        const first = await pageOfDay(1);
        expect(first).toMatchObject({ total: countedAhead, totalIsLowerBound: true, limit: 20 });
        expect(first.items.map((item) => item.id)).toEqual(copies.slice(0, 20).map((copy) => copy._id));
        const second = await pageOfDay(2);
        expect(second).toMatchObject({ total: many, page: 2 });
        expect(second.totalIsLowerBound).toBeUndefined();
        const last = await pageOfDay(Math.ceil(many / 20));
        expect(last.items).toHaveLength(many % 20);
        expect(last).toMatchObject({ total: many });
      } finally {
        await service.db.collection('appointments').deleteMany({ startDay: day });
      }
    });
  });

  describe('the doctor’s day', () => {
    it('queues the doctor’s local day in start order with names and statuses, and sums it up on the dashboards', async () => {
      const doctor: Actor = { userId: randomUUID(), role: 'doctor' };
      profiles.listDoctor({ id: doctor.userId, fullName: 'Queue Doctor', specialization: 'ENT' });
      await service.rpc.send(AppointmentSubjects.setAvailability, {
        actor: doctor,
        body: { timezone: 'Asia/Kolkata', slotMinutes: 30, weekly: allDay },
      });
      // 10:00 and 09:00 Kolkata on one local day, three days ahead.
      const day = new Date(Date.now() + 3 * 24 * HOUR).toISOString().slice(0, 10);
      const nine = new Date(`${day}T03:30:00.000Z`);
      const ten = new Date(`${day}T04:30:00.000Z`);
      const later = await bookAt(newPatient('Zoya Later'), doctor, ten);
      const patient = newPatient('Arun Earlier');
      const earlier = await bookAt(patient, doctor, nine);
      const gone = await bookAt(newPatient('Gone Away'), doctor, new Date(`${day}T05:30:00.000Z`));
      await cancel(doctor, gone.id);
      await setStatus(patient, earlier.id, 'checked_in');

      const queue = await service.rpc.send<AppointmentQueueView>(AppointmentSubjects.queue, {
        actor: doctor,
        date: day,
      });

      expect(queue).toMatchObject({ date: day, timezone: 'Asia/Kolkata' });
      expect(queue.items.map((item) => [item.patient.fullName, item.status])).toEqual([
        ['Arun Earlier', 'checked_in'],
        ['Zoya Later', 'booked'],
      ]);
      expect(queue.items[1].id).toBe(later.id);
      expect(
        await rpcFailure(service.rpc.send(AppointmentSubjects.queue, { actor: patient, date: day })),
      ).toMatchObject({
        statusCode: 403,
      });

      const doctorDashboard = await service.rpc.send<DoctorAppointmentsDashboardView>(
        AppointmentSubjects.doctorDashboard,
        {
          actor: doctor,
        },
      );
      expect(doctorDashboard).toEqual({
        upcomingCount: 2,
        todayQueue: { total: 0, waiting: 0, completed: 0 },
      });
      const patientDashboard = await service.rpc.send<PatientAppointmentsDashboardView>(
        AppointmentSubjects.patientDashboard,
        { actor: patient },
      );
      expect(patientDashboard.upcomingAppointments.map((item) => item.id)).toEqual([earlier.id]);
    });
  });

  describe('clinical notes', () => {
    const soap = (plan: string, sharedWithPatient = false) => ({
      subjective: 'Headache for 3 days',
      objective: 'BP 130/85',
      assessment: 'Tension headache',
      plan,
      sharedWithPatient,
    });
    const saveNotes = (
      actor: Actor,
      appointmentId: string,
      body: Record<string, unknown>,
    ): Promise<ClinicalNotesView> =>
      service.rpc.send(AppointmentSubjects.saveNotes, { actor, body: { appointmentId, ...body } });
    const getNotes = (actor: Actor, appointmentId: string): Promise<ClinicalNotesView> =>
      service.rpc.send(AppointmentSubjects.getNotes, { actor, appointmentId });

    it('keeps every save as a version; the patient sees the latest only while it is shared', async () => {
      const patient = newPatient();
      const { id } = await bookAt(patient, drAsha, freshHour());

      expect(await rpcFailure(getNotes(drAsha, id))).toMatchObject({ statusCode: 404 });
      const first = await saveNotes(drAsha, id, soap('Rest, fluids'));
      const second = await saveNotes(drAsha, id, soap('Rest, fluids, paracetamol 500 mg'));

      expect(first).toMatchObject({
        appointmentId: id,
        version: 1,
        plan: 'Rest, fluids',
        sharedWithPatient: false,
      });
      expect(second).toMatchObject({ version: 2, updatedAt: expect.any(String) });
      expect(await getNotes(drAsha, id)).toEqual(second);
      expect(await rpcFailure(getNotes(patient, id))).toMatchObject({ statusCode: 404 });

      const shared = await saveNotes(drAsha, id, soap('Rest, fluids, paracetamol 500 mg', true));
      expect(await getNotes(patient, id)).toEqual(shared);
      await saveNotes(drAsha, id, soap('Draft for colleagues'));
      expect(await rpcFailure(getNotes(patient, id))).toMatchObject({ statusCode: 404 });

      const versions = await service.db
        .collection('clinicalNotes')
        .find({ appointmentId: id })
        .sort({ version: 1 })
        .toArray();
      expect(versions.map((version) => [version.version, version.authorId, version.plan])).toEqual([
        [1, drAsha.userId, 'Rest, fluids'],
        [2, drAsha.userId, 'Rest, fluids, paracetamol 500 mg'],
        [3, drAsha.userId, 'Rest, fluids, paracetamol 500 mg'],
        [4, drAsha.userId, 'Draft for colleagues'],
      ]);
    });

    it('gives simultaneous saves distinct versions and loses none', async () => {
      const { id } = await bookAt(newPatient(), drAsha, freshHour());

      const saved = await Promise.all(
        Array.from({ length: 5 }, (_, index) => saveNotes(drAsha, id, soap(`Plan ${index}`))),
      );

      expect(saved.map((note) => note.version).sort()).toEqual([1, 2, 3, 4, 5]);
      expect(await service.db.collection('clinicalNotes').countDocuments({ appointmentId: id })).toBe(5);
    });

    it('is written by the appointment’s doctor only, within bounds, and never read by admins or other doctors', async () => {
      const patient = newPatient();
      const { id } = await bookAt(patient, drAsha, freshHour());
      await saveNotes(drAsha, id, soap('Shared plan', true));

      const oversize = await rpcFailure(
        saveNotes(drAsha, id, { ...soap('x'.repeat(10_001)), subjective: 'y'.repeat(10_001) }),
      );
      expect(oversize).toMatchObject({ statusCode: 400 });
      expect(oversize.details?.map((detail) => detail.field).sort()).toEqual(['plan', 'subjective']);
      expect(await rpcFailure(saveNotes(drAsha, id, { plan: 'only a plan' }))).toMatchObject({
        statusCode: 400,
      });
      expect(await rpcFailure(saveNotes(drBose, id, soap('Not mine')))).toMatchObject({ statusCode: 404 });
      expect(await rpcFailure(saveNotes(patient, id, soap('My own notes')))).toMatchObject({
        statusCode: 403,
      });
      expect(await rpcFailure(getNotes(drBose, id))).toMatchObject({ statusCode: 404 });
      expect(await rpcFailure(getNotes(admin, id))).toMatchObject({ statusCode: 403 });
      expect((await getNotes(patient, id)).version).toBe(1);
    });
  });
});
