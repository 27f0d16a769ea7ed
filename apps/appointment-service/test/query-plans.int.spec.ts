import { randomUUID } from 'node:crypto';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { createEvent } from '@arogyam/messaging';
import {
  ORDERED_PUSHDOWN,
  orderedPushdownFor,
  outboxRelayToken,
  pageWindow,
  toOutboxEntry,
  type OutboxRelay,
} from '@arogyam/persistence';
import {
  explainFilter,
  planOfPage,
  recordQueries,
  startServiceUnderTest,
  unindexedQueriesOf,
  type ServiceUnderTest,
} from '@arogyam/testing';
import { appointmentService } from '../src/appointment-service';
import { Appointment } from '../src/appointments/appointment.schema';
import {
  AppointmentRepository,
  type HeldTime,
  type NewAppointment,
} from '../src/appointments/appointment.repository';
import { toAppointmentView } from '../src/appointments/appointment-views';
import { AvailabilityRepository } from '../src/availability/availability.repository';
import { ClinicalNoteRepository } from '../src/clinical-notes/clinical-note.repository';
import { PatientDayRepository } from '../src/patient-days/patient-day.repository';

const HOUR = 3_600_000;

/** Every query each repository of appointment-service sends is served by an index (query-plans.ts). */
describe('appointment-service query plans', () => {
  let service: ServiceUnderTest;
  let connection: Connection;

  beforeAll(async () => {
    service = await startServiceUnderTest(appointmentService);
    connection = service.app.get<Connection>(getConnectionToken());
  });

  afterAll(async () => {
    await service?.stop();
  });

  const newAppointment = (doctorId: string, patientId: string, startAt: Date): NewAppointment => {
    const now = new Date();
    return {
      _id: randomUUID(),
      doctorId,
      patientId,
      doctor: { id: doctorId, fullName: 'Asha Rao', specialization: 'General Medicine' },
      patient: { id: patientId, fullName: 'Ravi Shankar' },
      startAt,
      endAt: new Date(startAt.getTime() + HOUR / 2),
      mode: 'video',
      status: 'booked',
      statusHistory: [{ status: 'booked', at: now, by: patientId, role: 'patient' }],
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
  };

  it('serves every query of appointments from an index', async () => {
    const appointments = service.app.get(AppointmentRepository);
    const relay = service.app.get<OutboxRelay<Appointment>>(outboxRelayToken(Appointment.name));
    const doctorId = randomUUID();
    const patientId = randomUUID();
    const startAt = new Date(Math.ceil((Date.now() + 48 * HOUR) / HOUR) * HOUR);
    const booked = newAppointment(doctorId, patientId, startAt);
    const other = newAppointment(doctorId, randomUUID(), new Date(startAt.getTime() + HOUR));
    const outboxOf = (appointment: NewAppointment) => [
      toOutboxEntry(createEvent('appointment.booked', toAppointmentView(appointment))),
    ];
    const now = new Date();
    let heldOfPage = new Map<string, HeldTime[]>();
    const unserved = await unindexedQueriesOf(connection, async () => {
      await appointments.book(booked, outboxOf(booked));
      await appointments.book(other, outboxOf(other));
      await relay.flushWritten(booked._id, outboxOf(booked));
      await relay.flush(other._id);
      await relay.sweep();
      await appointments.findById(booked._id);
      await appointments.timeOf(booked._id);
      await appointments.heldTimesOf(doctorId, startAt, new Date(startAt.getTime() + 31 * 24 * HOUR));
      heldOfPage = await appointments.heldTimesOfDoctors(
        [randomUUID(), doctorId, randomUUID()],
        startAt,
        new Date(startAt.getTime() + 14 * 24 * HOUR),
      );
      const moveTo = {
        startAt: new Date(startAt.getTime() + 2 * HOUR),
        endAt: new Date(startAt.getTime() + 2.5 * HOUR),
      };
      await appointments.applyChange(booked, { set: {}, moveTo, freesSlot: false, outbox: outboxOf(booked) });
      await appointments.applyChange(
        { ...other, version: 1 },
        {
          set: { status: 'cancelled', cancelledLate: false, cancelledBy: 'patient' },
          freesSlot: true,
          history: { status: 'cancelled', at: now, by: patientId, role: 'patient' },
          outbox: outboxOf(other),
        },
      );
      await appointments.recordCall(
        booked._id,
        0,
        {
          id: 'call-1',
          outcome: 'completed',
          ringingAt: now,
          startedAt: now,
          endedAt: now,
          durationSeconds: 0,
          joined: [],
        },
        { startedAt: now, endedAt: now, durationSeconds: 0 },
        [],
      );
      await appointments.setWaiting(booked._id, now, now);
      await appointments.pageOfPatient(patientId, {}, pageWindow({}));
      await appointments.pageOfPatient(
        patientId,
        { status: 'booked', from: startAt, to: moveTo.endAt },
        pageWindow({}),
      );
      await appointments.pageOfPatient(patientId, { when: { list: 'upcoming', now } }, pageWindow({}));
      await appointments.pageOfPatient(patientId, { when: { list: 'past', now } }, pageWindow({}));
      await appointments.pageOfPatient(
        patientId,
        { when: { list: 'upcoming', now }, status: 'booked', from: now },
        pageWindow({}),
      );
      await appointments.pageOfDoctor(
        doctorId,
        { when: { list: 'upcoming', now }, from: now },
        pageWindow({}),
      );
      await appointments.pageOfDoctor(doctorId, { when: { list: 'past', now } }, pageWindow({}));
      await appointments.ofPair(doctorId, patientId, ['booked', 'checked_in', 'in_consultation']);
      await appointments.latestCompletedOfPair(doctorId, patientId);
      await appointments.earlierOfPair(doctorId, patientId, ['completed', 'no_show'], startAt, 20);
      await appointments.pageOfDoctor(doctorId, {}, pageWindow({}));
      await appointments.patientNamesOfDoctor(doctorId, 2000);
      await appointments.consultationsOfDoctor(doctorId, startAt, new Date(startAt.getTime() + 24 * HOUR), {
        page: 1,
        limit: 500,
        skip: 0,
      });
      await appointments.pageOfDoctor(doctorId, { status: 'cancelled', from: startAt }, pageWindow({}));
      await appointments.pageOfDay(startAt.toISOString().slice(0, 10), pageWindow({}));
      await appointments.dayOfDoctor(
        doctorId,
        new Date(startAt.getTime() - 5.5 * HOUR),
        new Date(startAt.getTime() + 18.5 * HOUR),
      );
      await appointments.upcomingOfPatient(patientId, now, 5);
      await appointments.countUpcomingOfDoctor(doctorId, now);
    });
    expect(unserved).toEqual([]);
    // A search page's doctors in one query: only the one with appointments, both of them.
    expect([...heldOfPage.keys()]).toEqual([doctorId]);
    expect(
      heldOfPage
        .get(doctorId)
        ?.map((held) => held.appointmentId)
        .sort(),
    ).toEqual([booked._id, other._id].sort());
  });

  it('reads a search page’s held times through a btree, compared by `=`, not by `@>` through a GIN companion', async () => {
    const appointments = service.app.get(AppointmentRepository);
    const doctorIds = [randomUUID(), randomUUID(), randomUUID()];
    const startAt = new Date(Math.ceil((Date.now() + 72 * HOUR) / HOUR) * HOUR);
    for (const doctorId of doctorIds) {
      const appointment = newAppointment(doctorId, randomUUID(), startAt);
      await appointments.book(appointment, []);
    }
    const recorder = recordQueries(connection);
    try {
      await appointments.heldTimesOfDoctors(doctorIds, startAt, new Date(startAt.getTime() + 14 * 24 * HOUR));
    } finally {
      recorder.stop();
    }
    const [held] = recorder.queries;
    // Asked with ordered pushdown: FerretDB compares by `=`, which a btree serves in order, rather
    // than by `@>`, which only the per-field GIN companions serve (docs/benchmarks.md, run F).
    expect(held.comment).toBe(ORDERED_PUSHDOWN);
    const plan = await explainFilter(connection, held.collection, held.filter, { comment: held.comment });
    expect(plan.fullScan).toBe(false);
    expect(plan.indexes.length).toBeGreaterThan(0);
    // Which btree PostgreSQL picks depends on the table's statistics; a GIN companion means `@>`.
    expect(plan.indexes.filter((index) => index.endsWith('_gin'))).toEqual([]);
    // Without the comment FerretDB sends `@>`, and this plan reads the GIN companions (checked once).
  });

  it('serves every query of patientDays from an index', async () => {
    const days = service.app.get(PatientDayRepository);
    const patientId = randomUUID();
    const hold = {
      appointmentId: randomUUID(),
      startAt: new Date('2027-01-04T04:00:00Z'),
      endAt: new Date('2027-01-04T04:30:00Z'),
      heldAt: new Date(),
    };
    const unserved = await unindexedQueriesOf(connection, async () => {
      await days.find(patientId, '2027-01-04');
      await days.writeHolds(patientId, '2027-01-04', undefined, [hold]);
      await days.writeHolds(patientId, '2027-01-04', undefined, [hold]); // lost: the day exists
      await days.writeHolds(patientId, '2027-01-04', 1, []);
      await days.writeHolds(patientId, '2027-01-04', 1, [hold]); // lost: the version moved on
    });
    expect(unserved).toEqual([]);
  });

  it('serves every query of availabilities from an index', async () => {
    const availabilities = service.app.get(AvailabilityRepository);
    const doctorId = randomUUID();
    const unserved = await unindexedQueriesOf(connection, async () => {
      await availabilities.replace(doctorId, {
        timezone: 'Asia/Kolkata',
        slotMinutes: 30,
        weekly: [{ weekday: 1, start: '09:00', end: '13:00' }],
        exceptions: [],
      });
      await availabilities.findByDoctor(doctorId);
      expect((await availabilities.findByDoctors([randomUUID(), doctorId])).has(doctorId)).toBe(true);
    });
    expect(unserved).toEqual([]);
  });

  it('serves every query of clinicalNotes from an index', async () => {
    const notes = service.app.get(ClinicalNoteRepository);
    const appointmentId = randomUUID();
    const note = {
      _id: `${appointmentId}#1`,
      appointmentId,
      version: 1,
      authorId: randomUUID(),
      savedAt: new Date(),
      subjective: 'Headache for 3 days',
      objective: 'BP 130/85',
      assessment: 'Tension headache',
      plan: 'Rest, fluids',
      sharedWithPatient: false,
    };
    const unserved = await unindexedQueriesOf(connection, async () => {
      await notes.latestOf(appointmentId);
      await notes.insertVersion(note);
      await notes.insertVersion(note); // lost: the version exists
      await notes.latestOf(appointmentId);
    });
    expect(unserved).toEqual([]);
  });

  it('reads a page of the admins’ day and of an owner’s history from an index in its order', async () => {
    // A busy day of many doctors and a patient with a long history: a page must not sort them all.
    const day = '2031-03-04';
    const patientId = randomUUID();
    const dayStart = Date.parse(`${day}T00:00:00Z`);
    await service.db.collection('appointments').insertMany(
      Array.from({ length: 400 }, (_, i) => {
        const startAt = new Date(dayStart + (i % 96) * 15 * 60_000);
        return {
          ...newAppointment(randomUUID(), i % 2 === 0 ? patientId : randomUUID(), startAt),
          startDay: day,
        };
      }) as never[],
    );
    const model = connection.models[Appointment.name];
    const pages: [filter: Record<string, unknown>, sort: Record<string, 1 | -1>][] = [
      [{ startDay: day }, { startAt: 1, _id: 1 }], // pageOfDay
      [{ patientId }, { startAt: -1, _id: -1 }], // pageOfPatient
    ];
    for (const [filter, sort] of pages) {
      const plan = await planOfPage(connection, 'appointments', filter, {
        sort,
        comment: orderedPushdownFor(model, filter),
      });
      expect({ filter, plan }).toMatchObject({ filter, plan: { fullScan: false, sortedAfterScan: false } });
    }
  }, 120_000);
});
