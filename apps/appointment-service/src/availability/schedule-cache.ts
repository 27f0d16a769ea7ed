import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { JSONCodec, type NatsConnection, type Subscription } from 'nats';
import { DOCTOR_SCHEDULE_CHANGED, type DoctorScheduleChange } from '@arogyam/contracts';
import { AnswerCache, NATS_CONNECTION, invalidateOnNotices, scopeNamedBy } from '@arogyam/messaging';
import { AppointmentServiceConfig } from '../config/appointment-service.config';
import type { Availability } from './availability.schema';

const codec = JSONCodec<Partial<DoctorScheduleChange>>();

/** Doctors whose schedules are kept at once; a schedule is a few hundred bytes. */
const SCHEDULE_CACHE_ENTRIES = 20_000;

/**
 * Each doctor's schedule, kept SCHEDULE_CACHE_TTL_SECONDS (0: read every time) because reading it
 * by `_id` was one of the seven statements of every booking (docs/benchmarks.md). Only its doctor
 * changes it, through one instance, which drops its own copy and tells the others
 * (`appointment.schedule.changed`) before it answers; a NATS reconnect, when notices can be
 * missed, drops everything, and the time limit bounds what a lost notice could leave. A doctor
 * without a schedule is not kept: asked again next time. Answers are shared: callers only read them.
 */
@Injectable()
export class ScheduleCache implements OnModuleInit, OnModuleDestroy {
  private readonly schedules = new AnswerCache<Availability | null>({
    entries: SCHEDULE_CACHE_ENTRIES,
    // Every instance reads the same database: nothing to wait for after a notice.
    settleMs: 0,
  });
  private subscription?: Subscription;

  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    private readonly config: AppointmentServiceConfig,
  ) {}

  onModuleInit(): void {
    this.subscription = invalidateOnNotices(
      this.schedules,
      this.connection,
      DOCTOR_SCHEDULE_CHANGED,
      (data) => scopeNamedBy(() => codec.decode(data).doctorId),
    );
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** The doctor's schedule, from the cache or `read()`. */
  scheduleOf(doctorId: string, read: () => Promise<Availability | null>): Promise<Availability | null> {
    const ttlMs = this.config.SCHEDULE_CACHE_TTL_SECONDS * 1000;
    if (ttlMs === 0) return read();
    return this.schedules.answer(doctorId, doctorId, read, (schedule, now) => (schedule ? now + ttlMs : now));
  }

  /** After the doctor's new schedule is stored: this instance forgets it at once, the others on the notice. */
  changed(doctorId: string): void {
    this.schedules.invalidate(doctorId);
    this.connection.publish(DOCTOR_SCHEDULE_CHANGED, codec.encode({ doctorId }));
  }
}
