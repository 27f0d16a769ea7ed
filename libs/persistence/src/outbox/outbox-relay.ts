import { Inject, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { EventEnvelope } from '@arogyam/contracts';
import type { EventPublisher } from '@arogyam/messaging';
import type { DataServiceConfig } from '@arogyam/service-kit';
import type { OutboxEntry } from './outbox-entry.schema';

interface OutboxHolder {
  _id: unknown;
  outbox?: OutboxEntry[];
}

/** How often the relay looks again at what it could not publish. */
export interface OutboxSchedule {
  /**
   * The full sweep: every document with a parked event, whoever wrote it. It recovers events of
   * an instance that died between a write and its publish, and on FerretDB it reads the whole
   * collection (no index is used for `outbox.0`), so it runs at start and then rarely.
   */
  sweepIntervalMs: number;
  /** The documents this instance failed to flush, read again by `_id` (cheap). */
  retryIntervalMs: number;
}

export const DEFAULT_OUTBOX_SCHEDULE: OutboxSchedule = { sweepIntervalMs: 300_000, retryIntervalMs: 5_000 };

/** The schedule a service configured (OUTBOX_SWEEP_SECONDS). */
export const outboxScheduleOf = (config: DataServiceConfig): OutboxSchedule => ({
  ...DEFAULT_OUTBOX_SCHEDULE,
  sweepIntervalMs: config.OUTBOX_SWEEP_SECONDS * 1000,
});

/**
 * Publishes the events parked in documents' `outbox` arrays and removes each one only after
 * JetStream acknowledged it. `flush(id)` runs right after a write; a failed flush is retried by
 * this instance every `retryIntervalMs`, and `sweep()` runs at start-up and every
 * `sweepIntervalMs` to pick up events whose process died between write and publish. Publishing
 * twice is harmless: the event id is the Nats-Msg-Id, and consumers are idempotent.
 */
export class OutboxRelay<T extends OutboxHolder> implements OnModuleInit, OnModuleDestroy {
  private readonly logger: Logger;
  private timers: NodeJS.Timeout[] = [];
  private sweeping = false;
  /** Documents whose events this instance could not publish (or pull) yet, by `String(_id)` (ObjectIds are objects). */
  private readonly unfinished = new Map<string, unknown>();
  /** The last queued piece of work per document (see `inTurn`). */
  private readonly turns = new Map<string, Promise<unknown>>();

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
   * Runs `work` on the document after whatever this instance is still doing to it (a write, a
   * flush). FerretDB applies an update as a read-modify-write of the whole document, so a flush's
   * `$pull` that overlapped a later write of the same document could write the earlier state back
   * (seen: an admin's approval right after a rejection was lost). Writers of a document whose
   * events this relay publishes go through here; flushes always do.
   */
  inTurn<R>(documentId: unknown, work: () => Promise<R>): Promise<R> {
    const key = String(documentId);
    const next = (this.turns.get(key) ?? Promise.resolve()).then(work, work);
    this.turns.set(key, next);
    const done = () => {
      if (this.turns.get(key) === next) this.turns.delete(key);
    };
    next.then(done, done);
    return next;
  }

  /**
   * Best effort right after a write, in the document's turn; what fails here is retried. Never
   * rejects: callers fire and forget it, and an unhandled rejection would end the process.
   */
  flush(documentId: unknown): Promise<void> {
    return this.inTurn(documentId, () => this.flushNow(documentId));
  }

  private async flushNow(documentId: unknown): Promise<void> {
    try {
      const doc = await this.model.findById(documentId, { outbox: 1 }).lean<OutboxHolder>().exec();
      if (doc) await this.publishAll(doc);
      else this.unfinished.delete(String(documentId));
    } catch (error) {
      this.unfinished.set(String(documentId), documentId);
      this.logger.warn(`Flush of ${String(documentId)} failed, will retry: ${(error as Error).message}`);
    }
  }

  /**
   * As `flush`, for a write whose outbox entries the caller holds (exactly as it stored them): they
   * are published and pulled without reading the document again. An entry that differs from the
   * stored one is not pulled, and the sweep publishes and pulls the stored one later. Never
   * rejects, like `flush`.
   */
  flushWritten(documentId: unknown, entries: OutboxEntry[]): Promise<void> {
    return this.inTurn(documentId, () => this.publishAll({ _id: documentId, outbox: entries }));
  }

  async sweep(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      const pending = await this.model
        .find({ 'outbox.0': { $exists: true } }, { outbox: 1 })
        .limit(200)
        .lean<OutboxHolder[]>()
        .exec();
      for (const doc of pending) await this.inTurn(doc._id, () => this.publishAll(doc));
    } catch (error) {
      this.logger.warn(`Outbox sweep failed, will retry: ${(error as Error).message}`);
    } finally {
      this.sweeping = false;
    }
  }

  private async retryUnfinished(): Promise<void> {
    for (const documentId of [...this.unfinished.values()]) await this.flush(documentId);
  }

  /** Publishes and pulls each entry in order; the document stays unfinished until all are done. */
  private async publishAll(doc: OutboxHolder): Promise<void> {
    for (const entry of doc.outbox ?? []) {
      try {
        await this.publisher.publish(entry as EventEnvelope);
        // Pulled by its whole stored value, not by `{ id }`: FerretDB 1.24's $pull removes only
        // equal elements, so a condition would leave the entry to be republished forever. No
        // timestamps: publishing is bookkeeping, not a change to the document.
        await this.model
          .updateOne({ _id: doc._id }, { $pull: { outbox: entry } }, { timestamps: false })
          .exec();
      } catch (error) {
        this.unfinished.set(String(doc._id), doc._id);
        this.logger.warn(
          `Publishing ${entry.type} ${entry.id} failed, will retry: ${(error as Error).message}`,
        );
        return;
      }
    }
    this.unfinished.delete(String(doc._id));
  }
}

/** The injection token of the relay for one model's outbox. */
export const outboxRelayToken = (modelName: string): string => `OutboxRelay:${modelName}`;

/** Injects the relay DataServiceModule provides for `modelName` (listed in its `outboxes`). */
export const InjectOutboxRelay = (modelName: string): ParameterDecorator =>
  Inject(outboxRelayToken(modelName));
