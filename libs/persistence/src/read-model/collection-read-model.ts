import { Logger } from '@nestjs/common';
import { JSONCodec, type NatsConnection, type Subscription } from 'nats';
import { onReconnect } from '@arogyam/messaging';

/** "This document changed, read it again": plain NATS, no queue group, at most once. */
export interface ReadModelChange {
  id: string;
  /** The instance that made the change (it has already refreshed itself). */
  origin: string;
}

export interface ReadModelOptions {
  /** Where the instances tell each other about changes. */
  subject: string;
  instanceId: string;
  /** The last safety net: a full reload this often. */
  resyncSeconds: number;
}

const codec = JSONCodec<ReadModelChange>();

/**
 * An in-memory read model of one collection in every instance of a service, for reads that would
 * scan a growing collection on FerretDB (which indexes only a filter of exactly `{_id}`): loaded
 * in full at start, refreshed by `_id` by the instance that changed a document, which then tells
 * the others (`subject`), reloaded after a NATS reconnect (the notices sent meanwhile are lost)
 * and every `resyncSeconds`. A document refreshed while a full reload was reading keeps its
 * fresher state. Subclasses say how to read one entry and all of them, and keep their indexes
 * in step through `applied` and `reloaded`.
 */
export abstract class CollectionReadModel<V> {
  protected readonly logger: Logger;
  protected entries = new Map<string, V>();
  private refreshedDuringReload: Set<string> | null = null;
  private subscription?: Subscription;
  private timer?: NodeJS.Timeout;

  protected constructor(
    protected readonly connection: NatsConnection,
    private readonly options: ReadModelOptions,
    name: string,
  ) {
    this.logger = new Logger(name);
  }

  /** The entry for a document, or undefined when it does not belong in the model (any more). */
  protected abstract loadOne(id: string): Promise<V | undefined>;

  /** Every entry, read in batches. */
  protected abstract loadAll(): AsyncIterable<[string, V]>;

  /** One entry was set (`after`) or removed (`after` undefined). */
  protected abstract applied(id: string, before: V | undefined, after: V | undefined): void;

  /** The whole model was replaced. */
  protected abstract reloaded(): void;

  async start(): Promise<void> {
    await this.reloadAll();
    this.subscription = this.connection.subscribe(this.options.subject, {
      callback: (error, message) => {
        if (error) return;
        const change = codec.decode(message.data);
        if (change.origin !== this.options.instanceId) void this.refresh(change.id);
      },
    });
    onReconnect(this.connection, () => void this.reloadAll());
    this.timer = setInterval(() => void this.reloadAll(), this.options.resyncSeconds * 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.subscription?.unsubscribe();
  }

  /** After this instance changed a document: refresh it here (before answering), then tell the others. */
  async changed(id: string): Promise<void> {
    await this.refresh(id);
    this.connection.publish(this.options.subject, codec.encode({ id, origin: this.options.instanceId }));
  }

  private async refresh(id: string): Promise<void> {
    this.refreshedDuringReload?.add(id);
    try {
      const before = this.entries.get(id);
      const after = await this.loadOne(id);
      if (after === undefined) this.entries.delete(id);
      else this.entries.set(id, after);
      this.applied(id, before, after);
    } catch (error) {
      this.logger.warn(`Refreshing ${id} failed; the next reload repairs it: ${(error as Error).message}`);
    }
  }

  private async reloadAll(): Promise<void> {
    if (this.refreshedDuringReload) return;
    this.refreshedDuringReload = new Set();
    try {
      const next = new Map<string, V>();
      for await (const [id, entry] of this.loadAll()) next.set(id, entry);
      for (const id of this.refreshedDuringReload) {
        const fresher = this.entries.get(id);
        if (fresher === undefined) next.delete(id);
        else next.set(id, fresher);
      }
      this.entries = next;
      this.reloaded();
    } catch (error) {
      this.logger.warn(`Reload failed, keeping the current model: ${(error as Error).message}`);
    } finally {
      this.refreshedDuringReload = null;
    }
  }
}
