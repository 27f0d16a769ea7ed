import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { NatsConnection } from 'nats';
import { NATS_CONNECTION } from '@arogyam/messaging';
import { CollectionReadModel } from '@arogyam/persistence';
import { Appointment } from '../appointments/appointment.schema';
import { AppointmentServiceConfig } from '../config/appointment-service.config';

/** Between appointment-service instances only: "this appointment's held time changed". */
export const HELD_TIMES_CHANGED = 'appointment.held_times.changed';

export interface HeldTime {
  appointmentId: string;
  doctorId: string;
  startAt: Date;
  endAt: Date;
}

type StoredHold = Pick<Appointment, '_id' | 'doctorId' | 'startAt' | 'endAt' | 'doctorSlotKey'>;

const HOLD_FIELDS = { doctorId: 1, startAt: 1, endAt: 1, doctorSlotKey: 1 } as const;

/** Holds that ended longer ago than this no longer matter to booking or to a slot listing. */
const KEEP_ENDED_MS = 24 * 3_600_000;

const RELOAD_BATCH_SIZE = 1000;

/**
 * The times doctors' active appointments hold, in memory per instance, so a slot listing and a
 * booking's overlap check cost no query: on FerretDB the `{doctorId, startAt, endAt}` query read
 * every appointment (each large: its busy keys, history and outbox) and was most of the time of
 * both under load. Not the guard against double booking, which stays the unique slot key; this
 * only answers "which slots look free" and catches an overlap with an appointment booked under an
 * earlier schedule (a different slot length or start), as the query did. A read model kept in
 * step across instances (CollectionReadModel); every write that holds or frees a time calls
 * `changed`.
 */
@Injectable()
export class DoctorHeldTimes extends CollectionReadModel<HeldTime> implements OnModuleInit, OnModuleDestroy {
  private readonly byDoctor = new Map<string, Map<string, HeldTime>>();

  constructor(
    @InjectModel(Appointment.name) private readonly appointments: Model<Appointment>,
    @Inject(NATS_CONNECTION) connection: NatsConnection,
    config: AppointmentServiceConfig,
  ) {
    super(
      connection,
      {
        subject: HELD_TIMES_CHANGED,
        instanceId: config.INSTANCE_ID,
        resyncSeconds: config.READ_MODELS_RESYNC_SECONDS,
      },
      DoctorHeldTimes.name,
    );
  }

  onModuleInit(): Promise<void> {
    return this.start();
  }

  onModuleDestroy(): void {
    this.stop();
  }

  /** The doctor's held times that overlap [from, to). */
  between(doctorId: string, from: Date, to: Date): HeldTime[] {
    const held = this.byDoctor.get(doctorId);
    if (!held) return [];
    return [...held.values()].filter((time) => time.startAt < to && from < time.endAt);
  }

  protected async loadOne(appointmentId: string): Promise<HeldTime | undefined> {
    const stored = await this.appointments.findById(appointmentId, HOLD_FIELDS).lean<StoredHold>().exec();
    return stored?.doctorSlotKey ? heldTimeOf(stored) : undefined;
  }

  protected async *loadAll(): AsyncIterable<[string, HeldTime]> {
    const active = this.appointments
      .find({ doctorSlotKey: { $exists: true } }, HOLD_FIELDS)
      .lean<StoredHold>()
      .cursor({ batchSize: RELOAD_BATCH_SIZE });
    for await (const stored of active) {
      const time = heldTimeOf(stored);
      if (time) yield [time.appointmentId, time];
    }
  }

  protected applied(appointmentId: string, before: HeldTime | undefined, after: HeldTime | undefined): void {
    if (before) this.byDoctor.get(before.doctorId)?.delete(appointmentId);
    if (after) this.holdsOf(after.doctorId).set(appointmentId, after);
  }

  protected reloaded(): void {
    this.byDoctor.clear();
    for (const time of this.entries.values()) this.holdsOf(time.doctorId).set(time.appointmentId, time);
  }

  private holdsOf(doctorId: string): Map<string, HeldTime> {
    let held = this.byDoctor.get(doctorId);
    if (!held) this.byDoctor.set(doctorId, (held = new Map()));
    return held;
  }
}

function heldTimeOf(stored: StoredHold): HeldTime | undefined {
  const endAt = new Date(stored.endAt);
  if (endAt.getTime() < Date.now() - KEEP_ENDED_MS) return undefined;
  return { appointmentId: stored._id, doctorId: stored.doctorId, startAt: new Date(stored.startAt), endAt };
}
