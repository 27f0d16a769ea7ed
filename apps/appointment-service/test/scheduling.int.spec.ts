import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import {
  AppointmentSubjects,
  ScheduleEventTypes,
  type Actor,
  type AvailabilityView,
  type SchedulePublishedEvent,
  type SlotListView,
} from '@arogyam/contracts';
import {
  rpcFailure,
  startServiceUnderTest,
  waitForLatestEvent,
  type ServiceUnderTest,
} from '@arogyam/testing';
import { appointmentService } from '../src/appointment-service';
import { AvailabilityRepository } from '../src/availability/availability.repository';
import { ScheduleAnnouncementUpgrade } from '../src/maintenance/schedule-announcement-upgrade';

/** A schedule as an earlier version stored it (no `announced`). */
interface StoredSchedule {
  _id: string;
  timezone: string;
  slotMinutes: number;
  weekly: { weekday: number; start: string; end: string }[];
  exceptions: { date: string; unavailable: boolean }[];
  outbox: unknown[];
  announced?: boolean;
}

const everyDay = (start: string, end: string) =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end }));

describe('appointment-service: availability and slots', () => {
  let service: ServiceUnderTest;

  const newDoctor = (): Actor => ({ userId: randomUUID(), role: 'doctor' });
  const setAvailability = (actor: Actor, body: Record<string, unknown>): Promise<AvailabilityView> =>
    service.rpc.send(AppointmentSubjects.setAvailability, { actor, body });
  const slots = (doctorId: string, from: string, to: string): Promise<SlotListView> =>
    service.rpc.send(AppointmentSubjects.listSlots, { doctorId, from, to });
  const startsOf = async (doctorId: string, from: string, to: string): Promise<string[]> =>
    (await slots(doctorId, from, to)).slots.map((slot) => slot.startAt);

  beforeAll(async () => {
    service = await startServiceUnderTest(appointmentService);
  });

  afterAll(async () => {
    await service?.stop();
  });

  describe('a doctor’s schedule', () => {
    it('is stored whole and read back by anyone', async () => {
      const doctor = newDoctor();
      const schedule = {
        timezone: 'Asia/Kolkata',
        slotMinutes: 20,
        weekly: [
          { weekday: 1, start: '09:00', end: '13:00' },
          { weekday: 1, start: '17:00', end: '19:00' },
        ],
        exceptions: [{ date: '2027-01-26', unavailable: true }],
      };

      expect(await setAvailability(doctor, schedule)).toEqual({ doctorId: doctor.userId, ...schedule });
      const replaced = await setAvailability(doctor, { ...schedule, weekly: everyDay('10:00', '12:00') });
      expect(replaced.weekly).toHaveLength(7);
      expect(
        await service.rpc.send(AppointmentSubjects.getAvailability, { doctorId: doctor.userId }),
      ).toEqual(replaced);
      // Each replacement is published (its outbox) for analytics' utilisation: the latest is the second.
      const published = await waitForLatestEvent<SchedulePublishedEvent>(
        service.nats,
        ScheduleEventTypes.published,
        (event) => event.payload.doctorId === doctor.userId && event.payload.weekly.length === 7,
      );
      expect(published.payload).toEqual({
        doctorId: doctor.userId,
        timezone: 'Asia/Kolkata',
        slotMinutes: 20,
        weekly: everyDay('10:00', '12:00'),
        unavailableDates: ['2027-01-26'],
      });
    });

    it('stored by an earlier version (never announced), is announced once at start-up', async () => {
      const doctorId = randomUUID();
      await service.db.collection<StoredSchedule>('availabilities').insertOne({
        _id: doctorId,
        timezone: 'Asia/Kolkata',
        slotMinutes: 30,
        weekly: [{ weekday: 2, start: '10:00', end: '14:00' }],
        exceptions: [],
        outbox: [],
      });
      const upgrade = service.app.get(ScheduleAnnouncementUpgrade);
      await upgrade.onApplicationBootstrap();
      const announced = await waitForLatestEvent<SchedulePublishedEvent>(
        service.nats,
        ScheduleEventTypes.published,
        (event) => event.payload.doctorId === doctorId,
      );
      expect(announced.payload).toMatchObject({ weekly: [{ weekday: 2, start: '10:00', end: '14:00' }] });
      expect(
        await service.db.collection<StoredSchedule>('availabilities').findOne({ _id: doctorId }),
      ).toMatchObject({
        announced: true,
      });
      // Announced once: nothing is left to announce, and a second announcement is refused.
      const repository = service.app.get(AvailabilityRepository);
      expect((await repository.unannounced(1000)).map((schedule) => schedule._id)).not.toContain(doctorId);
      expect(await repository.announce(doctorId, announced)).toBe(false);
    });

    it('answers 404 for a doctor without one, and 403 to anyone but a doctor', async () => {
      expect(
        await rpcFailure(service.rpc.send(AppointmentSubjects.getAvailability, { doctorId: randomUUID() })),
      ).toMatchObject({ statusCode: 404 });
      expect(
        await rpcFailure(
          setAvailability(
            { userId: randomUUID(), role: 'patient' },
            { timezone: 'UTC', slotMinutes: 30, weekly: [] },
          ),
        ),
      ).toMatchObject({ statusCode: 403 });
    });

    it('refuses unknown zones, odd slot lengths and malformed windows field by field', async () => {
      const failure = await rpcFailure(
        setAvailability(newDoctor(), {
          timezone: 'Mars/Olympus_Mons',
          slotMinutes: 7,
          weekly: [{ weekday: 8, start: '9:00', end: '25:00' }],
          exceptions: [{ date: '2027-02-30', unavailable: false }],
        }),
      );

      expect(failure.statusCode).toBe(400);
      expect(failure.details?.map((detail) => detail.field).sort()).toEqual(
        expect.arrayContaining([
          'timezone',
          'slotMinutes',
          'weekly.0.weekday',
          'weekly.0.start',
          'weekly.0.end',
          'exceptions.0.date',
          'exceptions.0.unavailable',
        ]),
      );
    });

    it('refuses windows that do not hold whole slots or overlap, and repeated exception dates', async () => {
      const failure = await rpcFailure(
        setAvailability(newDoctor(), {
          timezone: 'Europe/Berlin',
          slotMinutes: 30,
          weekly: [
            { weekday: 2, start: '09:00', end: '10:45' },
            { weekday: 3, start: '12:00', end: '11:00' },
            { weekday: 4, start: '09:00', end: '12:00' },
            { weekday: 4, start: '11:30', end: '13:00' },
          ],
          exceptions: [
            { date: '2027-05-01', unavailable: true },
            { date: '2027-05-01', unavailable: true },
          ],
        }),
      );

      expect(failure).toMatchObject({ statusCode: 400, message: 'The schedule does not fit together.' });
      expect(failure.details).toEqual([
        { field: 'weekly.0', problem: 'must hold a whole number of 30-minute slots' },
        { field: 'weekly.1', problem: 'must end after it starts' },
        { field: 'weekly.3', problem: 'overlaps weekly.2' },
        { field: 'exceptions.1', problem: 'repeats a date' },
      ]);
    });
  });

  describe('slots', () => {
    it('follow a New York doctor’s 09:00–12:00 across the March change: 14:00Z before, 13:00Z after', async () => {
      const doctor = newDoctor();
      await setAvailability(doctor, {
        timezone: 'America/New_York',
        slotMinutes: 60,
        weekly: everyDay('09:00', '12:00'),
      });

      const march = await startsOf(doctor.userId, '2026-03-07T00:00:00Z', '2026-03-10T00:00:00Z');
      expect(
        march.filter((startAt) => startAt.endsWith('T14:00:00.000Z') || startAt.endsWith('T13:00:00.000Z')),
      ).toEqual([
        '2026-03-07T14:00:00.000Z',
        '2026-03-08T13:00:00.000Z',
        '2026-03-08T14:00:00.000Z',
        '2026-03-09T13:00:00.000Z',
        '2026-03-09T14:00:00.000Z',
      ]);
      expect(march).toHaveLength(9);

      const november = await startsOf(doctor.userId, '2026-10-31T00:00:00Z', '2026-11-03T00:00:00Z');
      expect(
        november.map((startAt) => DateTime.fromISO(startAt, { zone: 'America/New_York' }).toFormat('HH:mm')),
      ).toEqual(Array(3).fill(['09:00', '10:00', '11:00']).flat());
      expect([november[0], november[3], november[6]]).toEqual([
        '2026-10-31T13:00:00.000Z',
        '2026-11-01T14:00:00.000Z',
        '2026-11-02T14:00:00.000Z',
      ]);
    });

    it('skip the local times the spring-forward gap removes', async () => {
      const doctor = newDoctor();
      await setAvailability(doctor, {
        timezone: 'America/New_York',
        slotMinutes: 30,
        weekly: [{ weekday: 7, start: '01:00', end: '04:00' }],
      });

      const local = (await startsOf(doctor.userId, '2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z')).map(
        (startAt) => DateTime.fromISO(startAt, { zone: 'America/New_York' }).toFormat('HH:mm'),
      );
      expect(local).toEqual(['01:00', '01:30', '03:00', '03:30']);
    });

    it('give an Asia/Kolkata doctor the same UTC instants in January and July; London sees them an hour apart', async () => {
      const doctor = newDoctor();
      await setAvailability(doctor, {
        timezone: 'Asia/Kolkata',
        slotMinutes: 30,
        weekly: [{ weekday: 1, start: '09:00', end: '10:00' }],
      });

      const january = await startsOf(doctor.userId, '2027-01-04T00:00:00Z', '2027-01-05T00:00:00Z');
      const july = await startsOf(doctor.userId, '2027-07-05T00:00:00Z', '2027-07-06T00:00:00Z');
      const inLondon = (startAt: string): string =>
        DateTime.fromISO(startAt, { zone: 'Europe/London' }).toFormat('HH:mm');

      expect(january).toEqual(['2027-01-04T03:30:00.000Z', '2027-01-04T04:00:00.000Z']);
      expect(july).toEqual(['2027-07-05T03:30:00.000Z', '2027-07-05T04:00:00.000Z']);
      expect(january.map(inLondon)).toEqual(['03:30', '04:00']);
      expect(july.map(inLondon)).toEqual(['04:30', '05:00']);
    });

    it('leave out the doctor’s exception dates (their local dates)', async () => {
      const doctor = newDoctor();
      await setAvailability(doctor, {
        timezone: 'Asia/Kolkata',
        slotMinutes: 60,
        weekly: everyDay('09:00', '11:00'),
        exceptions: [{ date: '2027-01-05', unavailable: true }],
      });

      const week = await startsOf(doctor.userId, '2027-01-04T00:00:00Z', '2027-01-07T00:00:00Z');
      expect(week.map((startAt) => DateTime.fromISO(startAt, { zone: 'Asia/Kolkata' }).toISODate())).toEqual([
        '2027-01-04',
        '2027-01-04',
        '2027-01-06',
        '2027-01-06',
      ]);
    });

    it('are unavailable once started, available ahead', async () => {
      const doctor = newDoctor();
      await setAvailability(doctor, { timezone: 'UTC', slotMinutes: 60, weekly: everyDay('00:00', '24:00') });
      const now = Date.now();

      const { slots: around } = await slots(
        doctor.userId,
        new Date(now - 3 * 3_600_000).toISOString(),
        new Date(now + 3 * 3_600_000).toISOString(),
      );
      expect(around.length).toBeGreaterThanOrEqual(5);
      for (const slot of around) expect(slot.available).toBe(new Date(slot.startAt).getTime() > now);
    });

    it('are none for a doctor without a schedule', async () => {
      expect(await slots(randomUUID(), '2027-01-04T00:00:00Z', '2027-01-05T00:00:00Z')).toEqual({
        slots: [],
      });
    });

    it('are listed for at most 31 days, from before to, in well-formed instants', async () => {
      const doctorId = randomUUID();
      expect(await rpcFailure(slots(doctorId, '2027-01-01T00:00:00Z', '2027-02-02T00:00:00Z'))).toMatchObject(
        {
          statusCode: 400,
          details: [{ field: 'to', problem: 'must be at most 31 days after from' }],
        },
      );
      expect(await rpcFailure(slots(doctorId, '2027-01-02T00:00:00Z', '2027-01-01T00:00:00Z'))).toMatchObject(
        {
          statusCode: 400,
          details: [{ field: 'to', problem: 'must be after from' }],
        },
      );
      const malformed = await rpcFailure(slots(doctorId, 'next monday', '2027-01-32T00:00:00Z'));
      expect(malformed.statusCode).toBe(400);
      expect(malformed.details?.map((detail) => detail.field)).toEqual(
        expect.arrayContaining(['from', 'to']),
      );
    });
  });
});
