import { Injectable } from '@nestjs/common';
import { InjectModel, type ModelDefinition } from '@nestjs/mongoose';
import type { FilterQuery, Model, SortOrder, UpdateQuery } from 'mongoose';
import {
  ACTIVE_APPOINTMENT_STATUSES,
  type AppointmentListWhen,
  type AppointmentStatus,
  type PatientDataPage,
} from '@arogyam/contracts';
import {
  countMatching,
  findPage,
  findPageCountingAhead,
  orderedPushdownFor,
  patientDataPage,
  utcDay,
  utcDaysBetween,
  type OutboxEntry,
  type PageWindow,
  type TotalCountedAhead,
} from '@arogyam/persistence';
import { LONGEST_SLOT_MS } from '../availability/schedule-rules';
import {
  Appointment,
  AppointmentSchema,
  type CallRecord,
  type RecordedCall,
  type StatusChange,
} from './appointment.schema';
import type { StoredAppointment } from './appointment-views';
import { doctorSlotKey } from './doctor-slot-key';

/** What no answer shows: the outbox and the history. */
const VIEW_FIELDS = { outbox: 0, statusHistory: 0, waitingChangedAt: 0, callCount: 0 } as const;

const ACTIVE = { $in: [...ACTIVE_APPOINTMENT_STATUSES] };

// The doctor's slot: one active appointment per doctor and start (sparse: only active ones hold it).
AppointmentSchema.index({ doctorSlotKey: 1 }, { unique: true, sparse: true });
// `heldTimesOf` (slot listings, booking, reschedule) and `dayOfDoctor` (the queue): a doctor's UTC days.
AppointmentSchema.index({ doctorId: 1, startDay: 1 });
// `pageOfDay` (admins): one UTC day of everyone's, in start order.
AppointmentSchema.index({ startDay: 1, startAt: 1, _id: 1 });
// `pageOfPatient`, `pageOfDoctor`: an owner's appointments, latest first.
AppointmentSchema.index({ patientId: 1, startAt: -1, _id: -1 });
AppointmentSchema.index({ doctorId: 1, startAt: -1, _id: -1 });
// `upcomingOfPatient`, `countUpcomingOfDoctor` (dashboards) and the lists by status: an owner's
// appointments in some statuses, so the dashboards read the active ones, not a whole history.
AppointmentSchema.index({ patientId: 1, status: 1, startAt: 1 });
AppointmentSchema.index({ doctorId: 1, status: 1, startAt: 1 });
// `ofPair`, `latestCompletedOfPair`, `earlierOfPair` (the care relationship, the patient history):
// one doctor's appointments with one patient, by status, latest first.
AppointmentSchema.index({ doctorId: 1, patientId: 1, status: 1, startAt: -1 });

export const appointmentModel: ModelDefinition = { name: Appointment.name, schema: AppointmentSchema };

/** An appointment as booking makes it; the repository adds the keys that hold its time. */
export type NewAppointment = Omit<StoredAppointment, 'startDay' | 'doctorSlotKey'>;

/** The time an active appointment holds. */
export interface HeldTime {
  appointmentId: string;
  startAt: Date;
  endAt: Date;
}

/** What a hold on a patient's day is checked against (see patient-calendar.ts). */
export type AppointmentTime = Pick<Appointment, '_id' | 'status' | 'startAt' | 'endAt'>;

/** One change of an appointment read at `version`, written as version + 1. */
export interface AppointmentChange {
  set: Partial<Pick<Appointment, 'status' | 'cancelledLate' | 'cancelledBy' | 'cancellationReason'>>;
  /** A reschedule's new time. */
  moveTo?: { startAt: Date; endAt: Date };
  /** It stops being active: its slot is freed. */
  freesSlot: boolean;
  history?: StatusChange;
  outbox: OutboxEntry[];
}

/** One page of a list and how many match in all. */
export interface AppointmentPage {
  documents: StoredAppointment[];
  total: number;
}

export interface ListFilters {
  status?: AppointmentStatus;
  from?: Date;
  to?: Date;
  /** Upcoming or past as of `now` (see AppointmentListQueryDto). */
  when?: { list: AppointmentListWhen; now: Date };
}

const LATEST_FIRST = { startAt: -1, _id: -1 } as const;
const SOONEST_FIRST = { startAt: 1, _id: 1 } as const;

/**
 * Every read and write of `appointments`. Time is queried by `startDay` (`$in` the UTC days a range
 * touches, FerretDB pushes that down to the indexes) with the instants still filtering exactly;
 * lists by their owner.
 */
@Injectable()
export class AppointmentRepository {
  constructor(@InjectModel(Appointment.name) private readonly appointments: Model<Appointment>) {}

  /** Stores a booking with its events; a taken slot fails with a duplicate key. */
  async book(appointment: NewAppointment, outbox: OutboxEntry[]): Promise<void> {
    await this.appointments.create({
      ...appointment,
      startDay: utcDay(appointment.startAt),
      doctorSlotKey: doctorSlotKey(appointment.doctorId, appointment.startAt),
      outbox,
    });
  }

  findById(appointmentId: string): Promise<StoredAppointment | null> {
    return this.appointments.findById(appointmentId, VIEW_FIELDS).lean<StoredAppointment>().exec();
  }

  /** Whether the appointment still holds a time, and which (the patient calendar's liveness check). */
  timeOf(appointmentId: string): Promise<AppointmentTime | null> {
    return this.appointments
      .findById(appointmentId, { status: 1, startAt: 1, endAt: 1 })
      .lean<AppointmentTime>()
      .exec();
  }

  /**
   * The doctor's active appointments that overlap [from, to). One that overlaps `from` started at
   * most the longest slot before it, so the days from then on hold every one.
   */
  async heldTimesOf(doctorId: string, from: Date, to: Date): Promise<HeldTime[]> {
    return (await this.heldTimesOfDoctors([doctorId], from, to)).get(doctorId) ?? [];
  }

  /**
   * `heldTimesOf` for several doctors in one query (a search page's next free times), by doctor;
   * a doctor with nothing held is absent. Asked with ORDERED_PUSHDOWN (every field a scalar of one
   * type): FerretDB then compares by `=`, which the `{doctorId, startDay}` btree serves, doctor by
   * doctor. Compared by `@>`, which only the GIN companions serve, a 12-doctor page took 4 ms of
   * PostgreSQL at 10,000 appointments and 14 ms at 500,000 for as many rows (docs/benchmarks.md,
   * run F).
   */
  async heldTimesOfDoctors(doctorIds: string[], from: Date, to: Date): Promise<Map<string, HeldTime[]>> {
    const byDoctor = new Map<string, HeldTime[]>();
    if (doctorIds.length === 0) return byDoctor;
    const filter: FilterQuery<Appointment> = {
      doctorId: doctorIds.length === 1 ? doctorIds[0] : { $in: doctorIds },
      startDay: { $in: utcDaysBetween(new Date(from.getTime() - LONGEST_SLOT_MS), to) },
      status: ACTIVE,
      startAt: { $lt: to },
      endAt: { $gt: from },
    };
    const held = await this.appointments
      .find(filter, { doctorId: 1, startAt: 1, endAt: 1 })
      .comment(orderedPushdownFor(this.appointments, filter))
      .lean<Pick<Appointment, '_id' | 'doctorId' | 'startAt' | 'endAt'>[]>()
      .exec();
    for (const { _id, doctorId, startAt, endAt } of held) {
      const times = byDoctor.get(doctorId) ?? [];
      times.push({ appointmentId: _id, startAt, endAt });
      byDoctor.set(doctorId, times);
    }
    return byDoctor;
  }

  /**
   * Writes a change if the appointment is still at `version`; answers whether it was. A reschedule
   * onto a taken slot fails with a duplicate key and writes nothing.
   */
  async applyChange(
    current: Pick<Appointment, '_id' | 'doctorId' | 'version'>,
    change: AppointmentChange,
  ): Promise<boolean> {
    const { moveTo } = change;
    const set: Record<string, unknown> = { ...change.set, version: current.version + 1 };
    if (moveTo) {
      Object.assign(set, moveTo, {
        startDay: utcDay(moveTo.startAt),
        doctorSlotKey: doctorSlotKey(current.doctorId, moveTo.startAt),
      });
    }
    const update: UpdateQuery<Appointment> = {
      $set: set,
      ...(change.freesSlot ? { $unset: { doctorSlotKey: '' } } : {}),
      $push: {
        outbox: { $each: change.outbox },
        ...(change.history ? { statusHistory: change.history } : {}),
      },
    };
    const written = await this.appointments
      .updateOne({ _id: current._id, version: current.version }, update)
      .exec();
    return written.matchedCount === 1;
  }

  /**
   * Adds a call's record with its event if the appointment still has `known` records (compare and
   * set on their count: FerretDB does not filter on a field inside an array's documents the way
   * MongoDB does, so "no record with this id" cannot be the filter). Answers whether it was
   * written; the caller reads again and retries. An answered call is also the last `call`. Not a
   * change of the appointment's state (no version).
   */
  async recordCall(
    appointmentId: string,
    known: number,
    record: CallRecord,
    lastCall: RecordedCall | undefined,
    outbox: OutboxEntry[],
  ): Promise<boolean> {
    const written = await this.appointments
      .updateOne(
        { _id: appointmentId, callCount: known === 0 ? { $exists: false } : known },
        {
          $set: { callCount: known + 1, ...(lastCall ? { call: lastCall } : {}) },
          $push: { calls: record, outbox: { $each: outbox } },
        },
      )
      .exec();
    return written.modifiedCount === 1;
  }

  /**
   * The patient entered (`since`) or left the waiting room, as of `at`; a change older than the
   * last one kept is ignored (answers whether it was written).
   */
  async setWaiting(appointmentId: string, since: Date | undefined, at: Date): Promise<boolean> {
    const written = await this.appointments
      .updateOne(
        {
          _id: appointmentId,
          $or: [{ waitingChangedAt: { $exists: false } }, { waitingChangedAt: { $lt: at } }],
        },
        since
          ? { $set: { waitingSince: since, waitingChangedAt: at } }
          : { $set: { waitingChangedAt: at }, $unset: { waitingSince: '' } },
      )
      .exec();
    return written.modifiedCount === 1;
  }

  /** A patient's own appointments, latest start first (upcoming ones soonest first). */
  pageOfPatient(patientId: string, filters: ListFilters, window: PageWindow): Promise<AppointmentPage> {
    return this.page({ patientId, ...listFilter(filters) }, listOrder(filters), window);
  }

  /** A doctor's own appointments, latest start first (upcoming ones soonest first). */
  pageOfDoctor(doctorId: string, filters: ListFilters, window: PageWindow): Promise<AppointmentPage> {
    return this.page({ doctorId, ...listFilter(filters) }, listOrder(filters), window);
  }

  /**
   * Everyone's appointments that start on one UTC day (`YYYY-MM-DD`), in start order. The day is
   * `startDay` exactly, so the filter is one equality: the database pages it by itself. A day of a
   * national platform holds as many as it books, so it is counted only ten pages ahead.
   */
  pageOfDay(day: string, window: PageWindow): Promise<AppointmentPage & TotalCountedAhead> {
    return findPageCountingAhead(
      this.appointments,
      { startDay: day },
      { startAt: 1, _id: 1 },
      window,
      VIEW_FIELDS,
    ) as Promise<AppointmentPage & TotalCountedAhead>;
  }

  /**
   * The patient names of the doctor's latest `scan` appointments (their `{doctorId, startAt}`
   * index, names only), for the case study check; repeats are the caller's to drop.
   */
  async patientNamesOfDoctor(doctorId: string, scan: number): Promise<string[]> {
    const rows = await this.appointments
      .find({ doctorId }, { _id: 0, 'patient.fullName': 1 })
      .sort({ startAt: -1, _id: -1 })
      .limit(scan)
      .lean<{ patient: { fullName: string } }[]>()
      .exec();
    return rows.map((row) => row.patient.fullName);
  }

  /**
   * A page of the doctor's appointments that start in [from, to), every status, in start order:
   * id, start and status only (earnings). Their `{doctorId, startAt}` index serves it.
   */
  consultationsOfDoctor(
    doctorId: string,
    from: Date,
    to: Date,
    window: PageWindow,
  ): Promise<Pick<Appointment, '_id' | 'startAt' | 'status'>[]> {
    return this.appointments
      .find({ doctorId, startAt: { $gte: from, $lt: to } }, { startAt: 1, status: 1 })
      .sort({ startAt: 1, _id: 1 })
      .skip(window.skip)
      .limit(window.limit)
      .lean<Pick<Appointment, '_id' | 'startAt' | 'status'>[]>()
      .exec();
  }

  /** The doctor's appointments that start in [start, end), cancelled ones left out, in start order. */
  dayOfDoctor(doctorId: string, start: Date, end: Date): Promise<StoredAppointment[]> {
    return this.appointments
      .find(
        {
          doctorId,
          startDay: { $in: utcDaysBetween(start, end) },
          startAt: { $gte: start, $lt: end },
          status: { $ne: 'cancelled' },
        },
        VIEW_FIELDS,
      )
      .sort({ startAt: 1, _id: 1 })
      .lean<StoredAppointment[]>()
      .exec();
  }

  /** The patient's active appointments that have not ended by `now`, soonest first. */
  upcomingOfPatient(patientId: string, now: Date, limit: number): Promise<StoredAppointment[]> {
    return this.appointments
      .find({ patientId, ...notOverYet(now) }, VIEW_FIELDS)
      .sort({ startAt: 1, _id: 1 })
      .limit(limit)
      .lean<StoredAppointment[]>()
      .exec();
  }

  /** How many of the doctor's active appointments have not ended by `now`. */
  countUpcomingOfDoctor(doctorId: string, now: Date): Promise<number> {
    return countMatching(this.appointments, { doctorId, ...notOverYet(now) });
  }

  /** The doctor's appointments with the patient in these statuses, their times only. */
  ofPair(
    doctorId: string,
    patientId: string,
    statuses: readonly AppointmentStatus[],
  ): Promise<Pick<Appointment, '_id' | 'status' | 'startAt' | 'endAt'>[]> {
    return this.appointments
      .find({ doctorId, patientId, status: { $in: [...statuses] } }, { status: 1, startAt: 1, endAt: 1 })
      .lean<Pick<Appointment, '_id' | 'status' | 'startAt' | 'endAt'>[]>()
      .exec();
  }

  /** The end of the doctor's latest completed consultation with the patient. */
  latestCompletedOfPair(
    doctorId: string,
    patientId: string,
  ): Promise<Pick<Appointment, '_id' | 'endAt'> | null> {
    return this.appointments
      .findOne({ doctorId, patientId, status: 'completed' }, { endAt: 1 })
      .sort({ startAt: -1 })
      .lean<Pick<Appointment, '_id' | 'endAt'>>()
      .exec();
  }

  /** The pair's appointments in these statuses that started before `before`, latest first. */
  earlierOfPair(
    doctorId: string,
    patientId: string,
    statuses: readonly AppointmentStatus[],
    before: Date,
    limit: number,
  ): Promise<StoredAppointment[]> {
    return this.appointments
      .find({ doctorId, patientId, status: { $in: [...statuses] }, startAt: { $lt: before } }, VIEW_FIELDS)
      .sort({ startAt: -1, _id: -1 })
      .limit(limit)
      .lean<StoredAppointment[]>()
      .exec();
  }

  /** `_id` last makes the order total, so pages never overlap or skip. */
  private page(
    filter: FilterQuery<Appointment>,
    sort: Record<string, SortOrder>,
    window: PageWindow,
  ): Promise<AppointmentPage> {
    return findPage(this.appointments, filter, sort, window, VIEW_FIELDS) as Promise<AppointmentPage>;
  }

  /** The patient's appointments, each as `toItem` makes it, for their data export. */
  exportPage(
    patientId: string,
    cursor: string | undefined,
    toItem: (appointment: Appointment) => Promise<Record<string, unknown>>,
  ): Promise<PatientDataPage> {
    return patientDataPage(this.appointments, { patientId }, cursor, toItem);
  }
}

function listFilter({ status, from, to, when }: ListFilters): FilterQuery<Appointment> {
  const conditions: Record<string, unknown>[] = [];
  if (when) conditions.push(when.list === 'upcoming' ? notOverYet(when.now) : overOrClosed(when.now));
  if (status) conditions.push({ status });
  if (from || to)
    conditions.push({ startAt: { ...(from ? { $gte: from } : {}), ...(to ? { $lt: to } : {}) } });
  // One plain filter as far as the fields allow (what the indexes are matched on); a field that two
  // conditions bound (upcoming's status or start, and the caller's) goes to `$and`, so both hold.
  const filter: Record<string, unknown> = {};
  const both: Record<string, unknown>[] = [];
  for (const condition of conditions) {
    for (const [field, bound] of Object.entries(condition)) {
      if (field in filter) both.push({ [field]: bound });
      else filter[field] = bound;
    }
  }
  if (both.length > 0) filter.$and = both;
  return filter as FilterQuery<Appointment>;
}

/** Upcoming lists read forwards from now; every other list reads back from the latest. */
const listOrder = ({ when }: ListFilters): Record<string, SortOrder> =>
  when?.list === 'upcoming' ? SOONEST_FIRST : LATEST_FIRST;

/**
 * Past: ended, or no longer active whenever it was due (a cancelled visit of next week is past
 * for its owner). The owner's equality leads the filter, so their index serves it; this is
 * checked on their appointments only.
 */
const overOrClosed = (now: Date): FilterQuery<Appointment> => ({
  $or: [{ status: { $nin: [...ACTIVE_APPOINTMENT_STATUSES] } }, { endAt: { $lte: now } }],
});

/** Active and not ended: the current appointment and those to come. */
const notOverYet = (now: Date): FilterQuery<Appointment> => ({
  status: ACTIVE,
  startAt: { $gt: new Date(now.getTime() - LONGEST_SLOT_MS) },
  endAt: { $gt: now },
});
