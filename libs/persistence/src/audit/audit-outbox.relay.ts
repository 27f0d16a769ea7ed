import { Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { EventEnvelope } from '@arogyam/contracts';
import { failureSummary, type EventPublisher } from '@arogyam/messaging';
import type { AuditOutbox } from './audit-outbox.schema';
import { DEFAULT_OUTBOX_SCHEDULE, type OutboxSchedule } from '../outbox/outbox-relay';
import { onePassAtATime } from '../outbox/one-pass-at-a-time';

/** How many parked documents one sweep takes on; the next takes the rest. */
const SWEEP_BATCH = 200;

/**
 * Every read and write of `auditOutbox`: parks a request's audit events (one insert), publishes
 * them, and deletes the document once JetStream acknowledged every one. What fails is retried by
 * this instance every `retryIntervalMs`; a sweep (at start and every `sweepIntervalMs`) publishes
 * what any instance left behind, so nothing is lost while audit-service or JetStream is down.
 * Neither pass runs beside itself (a retry slower than its interval is not joined by another).
 * Publishing twice is harmless: the event id is the Nats-Msg-Id, and audit-service stores an event once.
 */
export class AuditOutboxRelay implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('AuditOutboxRelay');
  private timers: NodeJS.Timeout[] = [];
  private readonly unfinished = new Set<string>();

  constructor(
    private readonly parked: Model<AuditOutbox>,
    private readonly publisher: EventPublisher,
    private readonly schedule: OutboxSchedule = DEFAULT_OUTBOX_SCHEDULE,
  ) {}

  onModuleInit(): void {
    this.timers = [
      setInterval(() => void this.sweep(), this.schedule.sweepIntervalMs),
      setInterval(() => void this.retryUnfinished(), this.schedule.retryIntervalMs),
    ];
    this.timers.forEach((timer) => timer.unref());
    void this.sweep();
  }

  onModuleDestroy(): void {
    this.timers.forEach((timer) => clearInterval(timer));
    this.timers = [];
  }

  /** Parks the events (rejects if the database refused them: the caller decides what that means). */
  async park(events: EventEnvelope[]): Promise<string> {
    const id = events[0].id;
    await this.parked.create({
      _id: id,
      outbox: events.map(({ id: eventId, type, version, occurredAt, payload }) => ({
        id: eventId,
        type,
        version,
        occurredAt,
        payload: payload as Record<string, unknown>,
      })),
      parkedAt: new Date(),
    });
    return id;
  }

  /** Publishes a parked document's events and deletes it; never rejects (a failure is retried). */
  async publish(id: string, events: EventEnvelope[]): Promise<void> {
    try {
      for (const event of events) await this.publisher.publish(event);
      await this.parked.deleteOne({ _id: id }).exec();
      this.unfinished.delete(id);
    } catch (error) {
      this.unfinished.add(id);
      this.logger.warn(`Publishing audit events ${id} failed, will retry: ${failureSummary(error)}`);
    }
  }

  /** Publishes what any instance left parked; while a sweep runs, asking again answers that sweep. */
  readonly sweep = onePassAtATime(async () => {
    try {
      const pending = await this.parked.find({}).limit(SWEEP_BATCH).lean<AuditOutbox[]>().exec();
      for (const doc of pending) await this.publish(doc._id, doc.outbox as EventEnvelope[]);
    } catch (error) {
      this.logger.warn(`Audit outbox sweep failed, will retry: ${failureSummary(error)}`);
    }
  });

  private readonly retryUnfinished = onePassAtATime(async () => {
    for (const id of [...this.unfinished]) {
      const doc = await this.parked
        .findById(id)
        .lean<AuditOutbox>()
        .exec()
        .catch(() => undefined);
      if (doc === null) this.unfinished.delete(id);
      else if (doc) await this.publish(doc._id, doc.outbox as EventEnvelope[]);
    }
  });
}
