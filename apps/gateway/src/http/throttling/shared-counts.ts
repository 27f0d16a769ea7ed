import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { StorageType, type KV, type NatsConnection } from 'nats';
import { failureSummary, NATS_CONNECTION } from '@arogyam/messaging';
import { GATEWAY_THROTTLE_BUCKET } from '@arogyam/contracts';
import { slidingCount, type SlidingCount } from './sliding-window';

/** Entries outlive the longest window counted (an hour) and then go by themselves. */
const KEPT_MS = 2 * 60 * 60 * 1000;
const CONTENDED_ATTEMPTS = 10;

/** Finished windows' counts kept in memory: a finished window is written no more. */
const KEPT_FINISHED_COUNTS = 10_000;

/**
 * Request counts per key over a sliding window (slidingCount: the running fixed window plus the
 * previous one's share), kept in a NATS key-value bucket so that every gateway replica counts into
 * the same number (an in-memory count gave an attacker N times the budget with N replicas). Each
 * count is a compare-and-set on the key's revision, retried when another replica got there first;
 * the previous window's count is read once per key and window and then kept, as nobody writes it
 * any more. When NATS cannot count, requests are let through (a warning says so): a throttle must
 * not take the platform down, and without NATS nothing else works either.
 */
@Injectable()
export class SharedCounts {
  private readonly logger = new Logger(SharedCounts.name);
  private bucket?: Promise<KV>;
  private readonly finished = new Map<string, number>();

  constructor(@Inject(NATS_CONNECTION) private readonly connection: NatsConnection) {}

  /**
   * Counts one more request for `key` and answers the requests in the last `windowMs` with it,
   * and how long until one more fits under `limit`; undefined if it could not count.
   */
  async countOne(key: string, windowMs: number, limit: number): Promise<SlidingCount | undefined> {
    const now = Date.now();
    const window = Math.floor(now / windowMs);
    // Keys are hashed: trackers hold characters (`:` of IPv6, `@`) a bucket key cannot.
    const hashed = createHash('sha256').update(key).digest('hex').slice(0, 40);
    const entry = (of: number) => `${hashed}.${windowMs}.${of}`;
    try {
      const [current, previous] = await Promise.all([
        this.increment(entry(window)),
        this.finishedCount(entry(window - 1)),
      ]);
      return slidingCount({ current, previous, elapsedMs: now - window * windowMs, windowMs }, limit);
    } catch (error) {
      this.logger.warn(`Could not count requests, letting this one through: ${failureSummary(error)}`);
      return undefined;
    }
  }

  private async finishedCount(entry: string): Promise<number> {
    const kept = this.finished.get(entry);
    if (kept !== undefined) return kept;
    const stored = await (await this.kv()).get(entry);
    const count = stored?.operation === 'PUT' ? Number(stored.string()) : 0;
    // The oldest goes first: a Map iterates in insertion order.
    if (this.finished.size >= KEPT_FINISHED_COUNTS)
      this.finished.delete(this.finished.keys().next().value as string);
    this.finished.set(entry, count);
    return count;
  }

  private kv(): Promise<KV> {
    this.bucket ??= this.connection
      .jetstream()
      .views.kv(GATEWAY_THROTTLE_BUCKET, { ttl: KEPT_MS, history: 1, storage: StorageType.Memory })
      .catch((error: unknown) => {
        this.bucket = undefined;
        throw error;
      });
    return this.bucket;
  }

  private async increment(entry: string): Promise<number> {
    const kv = await this.kv();
    for (let attempt = 0; attempt < CONTENDED_ATTEMPTS; attempt++) {
      const current = await kv.get(entry);
      try {
        if (!current || current.operation !== 'PUT') {
          await kv.create(entry, new TextEncoder().encode('1'));
          return 1;
        }
        const hits = Number(current.string()) + 1;
        await kv.update(entry, new TextEncoder().encode(String(hits)), current.revision);
        return hits;
      } catch {
        // Another replica wrote first: read again.
      }
    }
    throw new Error(`the count of ${entry} kept changing under ${CONTENDED_ATTEMPTS} attempts`);
  }
}
