import { Inject, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { EventEnvelope } from '@arogyam/contracts';
import type { EventPublisher } from '@arogyam/messaging';
import type { OutboxEntry } from './outbox-entry.schema';

interface OutboxHolder {
  _id: unknown;
  outbox?: OutboxEntry[];
}

/**
 * Publishes the events parked in documents' `outbox` arrays and removes each one only after
 * JetStream acknowledged it. `flush(id)` runs right after a write; `sweep()` runs on a timer and
 * at start-up to pick up events whose process died between write and publish. Publishing twice
 * is harmless: the event id is the Nats-Msg-Id, and consumers are idempotent.
 */
export class OutboxRelay<T extends OutboxHolder> implements OnModuleInit, OnModuleDestroy {
  private readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private sweeping = false;

  constructor(
    private readonly model: Model<T>,
    private readonly publisher: EventPublisher,
    /**
     * The sweep is a safety net (every write flushes its own events at once), and on FerretDB it
     * scans the whole collection, so it runs rarely.
     */
    private readonly sweepIntervalMs = 15_000,
  ) {
    this.logger = new Logger(`OutboxRelay(${model.collection.name})`);
  }

  start(): void {
    this.timer = setInterval(() => void this.sweep(), this.sweepIntervalMs);
    this.timer.unref();
    void this.sweep();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** As a Nest provider (see DataServiceModule `outboxes`), it sweeps while the module lives. */
  onModuleInit(): void {
    this.start();
  }

  onModuleDestroy(): void {
    this.stop();
  }

  /**
   * Best effort right after a write; the sweep retries whatever fails here. Never rejects:
   * callers fire and forget it, and an unhandled rejection would end the process.
   */
  async flush(documentId: unknown): Promise<void> {
    try {
      const doc = await this.model.findById(documentId, { outbox: 1 }).lean<OutboxHolder>().exec();
      if (doc) await this.publishAll(doc);
    } catch (error) {
      this.logger.warn(
        `Flush of ${String(documentId)} failed, the sweep will retry: ${(error as Error).message}`,
      );
    }
  }

  /**
   * As `flush`, for a write whose outbox entries the caller holds (exactly as it stored them): they
   * are published and pulled without reading the document again. An entry that differs from the
   * stored one is not pulled, and the sweep publishes and pulls the stored one later. Never
   * rejects, like `flush`.
   */
  flushWritten(documentId: unknown, entries: OutboxEntry[]): Promise<void> {
    return this.publishAll({ _id: documentId, outbox: entries });
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
      for (const doc of pending) await this.publishAll(doc);
    } catch (error) {
      this.logger.warn(`Outbox sweep failed, will retry: ${(error as Error).message}`);
    } finally {
      this.sweeping = false;
    }
  }

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
        this.logger.warn(
          `Publishing ${entry.type} ${entry.id} failed, will retry: ${(error as Error).message}`,
        );
        return;
      }
    }
  }
}

/** The injection token of the relay for one model's outbox. */
export const outboxRelayToken = (modelName: string): string => `OutboxRelay:${modelName}`;

/** Injects the relay DataServiceModule provides for `modelName` (listed in its `outboxes`). */
export const InjectOutboxRelay = (modelName: string): ParameterDecorator =>
  Inject(outboxRelayToken(modelName));
