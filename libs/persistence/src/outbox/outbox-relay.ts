import { Inject, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { FilterQuery, Model, UpdateQuery } from 'mongoose';
import type { EventEnvelope } from '@arogyam/contracts';
import { failureSummary, type EventPublisher } from '@arogyam/messaging';
import type { DataServiceConfig } from '@arogyam/service-kit';
import type { OutboxEntry } from './outbox-entry.schema';
import { onePassAtATime } from './one-pass-at-a-time';

interface OutboxHolder {
  _id: unknown;
  outbox?: OutboxEntry[];
}

/** How often the relay looks again at what it could not publish. */
export interface OutboxSchedule {
  /**
   * The sweep: every document with a parked event (`outboxPending`, see outbox.plugin.ts),
   * whoever wrote it. It recovers events of an instance that died between a write and its
   * publish; the documents it reads are found by an index, so it costs what is pending.
   */
  sweepIntervalMs: number;
  /** The documents this instance failed to flush, read again by `_id`. */
  retryIntervalMs: number;
}

export const DEFAULT_OUTBOX_SCHEDULE: OutboxSchedule = { sweepIntervalMs: 300_000, retryIntervalMs: 5_000 };

/** The schedule a service configured (OUTBOX_SWEEP_SECONDS). */
export const outboxScheduleOf = (config: DataServiceConfig): OutboxSchedule => ({
  ...DEFAULT_OUTBOX_SCHEDULE,
  sweepIntervalMs: config.OUTBOX_SWEEP_SECONDS * 1000,
});

/** How many marked documents one sweep takes on; the next sweep takes the rest. */
const SWEEP_BATCH = 200;

/**
 * Publishes the events parked in documents' `outbox` arrays and removes them only after
 * JetStream acknowledged them. `flush(id)` (or `flushWritten`) runs right after a write; a failed
 * flush is retried by this instance every `retryIntervalMs`, and `sweep()` runs at start-up and
 * every `sweepIntervalMs` to pick up events whose process died between write and publish. Neither
 * pass runs beside itself (a retry slower than its interval is not joined by another).
 * Publishing twice is harmless: the event id is the Nats-Msg-Id, and consumers are idempotent.
 * Every update here is one atomic single-document update, so a flush never undoes a write that
 * ran beside it (on MongoDB, and on FerretDB with the project's patches).
 */
export class OutboxRelay<T extends OutboxHolder> implements OnModuleInit, OnModuleDestroy {
  private readonly logger: Logger;
  private timers: NodeJS.Timeout[] = [];
  /** Documents whose events this instance could not publish (or clear) yet, by `String(_id)` (ObjectIds are objects). */
  private readonly unfinished = new Map<string, unknown>();

  constructor(
    private readonly model: Model<T>,
    private readonly publisher: EventPublisher,
    private readonly schedule: OutboxSchedule = DEFAULT_OUTBOX_SCHEDULE,
  ) {
    this.logger = new Logger(`OutboxRelay(${model.collection.name})`);
  }

  start(): void {
    this.timers = [
      setInterval(() => void this.sweep(), this.schedule.sweepIntervalMs),
      setInterval(() => void this.retryUnfinished(), this.schedule.retryIntervalMs),
    ];
    this.timers.forEach((timer) => timer.unref());
    void this.sweep();
  }

  stop(): void {
    this.timers.forEach((timer) => clearInterval(timer));
    this.timers = [];
  }

  /** As a Nest provider (see DataServiceModule `outboxes`), it sweeps while the module lives. */
  onModuleInit(): void {
    this.start();
  }

  onModuleDestroy(): void {
    this.stop();
  }

  /**
   * Publishes what the document's outbox holds, best effort right after a write; what fails here
   * is retried. Never rejects: callers may fire and forget it, and an unhandled rejection would
   * end the process.
   */
  async flush(documentId: unknown): Promise<void> {
    try {
      const doc = await this.model.findById(documentId, { outbox: 1 }).lean<OutboxHolder>().exec();
      if (doc) await this.publishAll(doc);
      else this.unfinished.delete(String(documentId));
    } catch (error) {
      this.unfinished.set(String(documentId), documentId);
      this.logger.warn(`Flush of ${String(documentId)} failed, will retry: ${failureSummary(error)}`);
    }
  }

  /**
   * As `flush`, for a write whose outbox entries the caller holds (exactly as it stored them): they
   * are published and removed without reading the document first. Never rejects, like `flush`.
   */
  flushWritten(documentId: unknown, entries: OutboxEntry[]): Promise<void> {
    return this.publishAll({ _id: documentId, outbox: entries });
  }

  /** Publishes what any instance left parked; while a sweep runs, asking again answers that sweep. */
  readonly sweep = onePassAtATime(async () => {
    try {
      const pending = await this.model
        .find({ outboxPending: true }, { outbox: 1 })
        .limit(SWEEP_BATCH)
        .lean<OutboxHolder[]>()
        .exec();
      for (const doc of pending) await this.publishAll(doc);
    } catch (error) {
      this.logger.warn(`Outbox sweep failed, will retry: ${failureSummary(error)}`);
    }
  });

  private readonly retryUnfinished = onePassAtATime(async () => {
    for (const documentId of [...this.unfinished.values()]) await this.flush(documentId);
  });

  /**
   * Publishes each entry in order, then removes the published ones; the document stays unfinished
   * until all are done. Never rejects.
   */
  private async publishAll(doc: OutboxHolder): Promise<void> {
    const entries = doc.outbox ?? [];
    let published = 0;
    try {
      for (const entry of entries) {
        await this.publisher.publish(entry as EventEnvelope);
        published += 1;
      }
      await this.remove(doc._id, entries);
      this.unfinished.delete(String(doc._id));
    } catch (error) {
      this.unfinished.set(String(doc._id), doc._id);
      const failed = entries[published];
      this.logger.warn(
        `${failed ? `Publishing ${failed.type} ${failed.id}` : 'Clearing published events'} of ${String(doc._id)} ` +
          `failed, will retry: ${failureSummary(error)}`,
      );
      if (published > 0) await this.remove(doc._id, entries.slice(0, published)).catch(() => undefined);
    }
  }

  /**
   * Removes published entries and, once the outbox is empty, the document's mark. When the outbox
   * holds exactly those entries (the usual case: the write's own events) that is one update;
   * otherwise (another write parked more meanwhile) the entries go by value and the mark only if
   * nothing is left. No timestamps: publishing is bookkeeping, not a change to the document.
   */
  private async remove(documentId: unknown, entries: OutboxEntry[]): Promise<void> {
    const done = { $set: { outbox: [] }, $unset: { outboxPending: '' } };
    const exactly: Record<string, unknown> = { _id: documentId, outbox: { $size: entries.length } };
    entries.forEach((entry, position) => (exactly[`outbox.${position}.id`] = entry.id));
    const emptied = await this.model.updateOne(exactly as FilterQuery<T>, done, { timestamps: false }).exec();
    if (emptied.matchedCount === 1) return;
    if (entries.length > 0) {
      // By whole stored value: FerretDB 1.24's $pull/$pullAll remove only equal elements.
      await this.model
        .updateOne(
          { _id: documentId } as FilterQuery<T>,
          { $pullAll: { outbox: entries } } as UpdateQuery<T>,
          {
            timestamps: false,
          },
        )
        .exec();
    }
    await this.model
      .updateOne({ _id: documentId, outbox: { $size: 0 }, outboxPending: true } as FilterQuery<T>, done, {
        timestamps: false,
      })
      .exec();
  }
}

/** The injection token of the relay for one model's outbox. */
export const outboxRelayToken = (modelName: string): string => `OutboxRelay:${modelName}`;

/** Injects the relay DataServiceModule provides for `modelName` (listed in its `outboxes`). */
export const InjectOutboxRelay = (modelName: string): ParameterDecorator =>
  Inject(outboxRelayToken(modelName));
