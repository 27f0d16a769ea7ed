import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { JSONCodec, type NatsConnection, type Subscription } from 'nats';
import { DOCTOR_SCHEDULE_CHANGED, type DoctorScheduleChange } from '@arogyam/contracts';
import { AnswerCache, NATS_CONNECTION, invalidateOnNotices, scopeNamedBy } from '@arogyam/messaging';
import { AppointmentServiceConfig } from '../config/appointment-service.config';
import type { Availability } from './availability.schema';

const codec = JSONCodec<Partial<DoctorScheduleChange>>();

/** A request waiting for its doctor's schedule from a batched read. */
interface ScheduleWaiter {
  doctorId: string;
  resolve(schedule: Availability | null): void;
  reject(error: unknown): void;
}

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

  /**
   * The schedules of these doctors, in their order: the cache's, and the others read together by
   * `readMany` (one query for a page's doctors met for the first time, not one each). The reads
   * AnswerCache asks for in one turn of the event loop (all of them: it asks before any await) go
   * out as one batch; a doctor another request is already reading waits for that read instead.
   */
  schedulesOf(
    doctorIds: string[],
    readMany: (doctorIds: string[]) => Promise<Map<string, Availability>>,
  ): Promise<(Availability | null)[]> {
    let batch: ScheduleWaiter[] | undefined;
    const readInBatch = (doctorId: string) =>
      new Promise<Availability | null>((resolve, reject) => {
        if (!batch) {
          const waiters: ScheduleWaiter[] = (batch = []);
          queueMicrotask(() => {
            batch = undefined;
            void readMany(waiters.map((waiter) => waiter.doctorId)).then(
              (found) => waiters.forEach((waiter) => waiter.resolve(found.get(waiter.doctorId) ?? null)),
              (error: unknown) => waiters.forEach((waiter) => waiter.reject(error)),
            );
          });
        }
        batch.push({ doctorId, resolve, reject });
      });
    return Promise.all(doctorIds.map((doctorId) => this.scheduleOf(doctorId, () => readInBatch(doctorId))));
  }

  /** After the doctor's new schedule is stored: this instance forgets it at once, the others on the notice. */
  changed(doctorId: string): void {
    this.schedules.invalidate(doctorId);
    this.connection.publish(DOCTOR_SCHEDULE_CHANGED, codec.encode({ doctorId }));
  }
}
