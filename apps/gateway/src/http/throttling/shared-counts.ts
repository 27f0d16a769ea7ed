import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { StorageType, type KV, type NatsConnection } from 'nats';
import { failureSummary, NATS_CONNECTION } from '@arogyam/messaging';
import { GATEWAY_THROTTLE_BUCKET } from '@arogyam/contracts';

/** Entries outlive the longest window counted (an hour) and then go by themselves. */
const KEPT_MS = 2 * 60 * 60 * 1000;
const CONTENDED_ATTEMPTS = 10;

/** What a count says about one more request in its window. */
export interface WindowCount {
  hits: number;
  /** Seconds until the window ends (and the count starts again). */
  secondsLeft: number;
}

/**
 * Request counts per key and fixed time window, kept in a NATS key-value bucket so that every
 * gateway replica counts into the same number (an in-memory count gave an attacker N times the
 * budget with N replicas). Each count is a compare-and-set on the key's revision, retried when
 * another replica got there first. When NATS cannot count, requests are let through (a warning
 * says so): a throttle must not take the platform down, and without NATS nothing else works either.
 */
@Injectable()
export class SharedCounts {
  private readonly logger = new Logger(SharedCounts.name);
  private bucket?: Promise<KV>;

  constructor(@Inject(NATS_CONNECTION) private readonly connection: NatsConnection) {}

  /** Counts one more request for `key` in the current window of `windowMs`; undefined if it could not. */
  async countOne(key: string, windowMs: number): Promise<WindowCount | undefined> {
    const now = Date.now();
    const window = Math.floor(now / windowMs);
    const secondsLeft = Math.ceil(((window + 1) * windowMs - now) / 1000);
    // Keys are hashed: trackers hold characters (`:` of IPv6, `@`) a bucket key cannot.
    const entry = `${createHash('sha256').update(key).digest('hex').slice(0, 40)}.${windowMs}.${window}`;
    try {
      return { hits: await this.increment(entry), secondsLeft };
    } catch (error) {
      this.logger.warn(`Could not count requests, letting this one through: ${failureSummary(error)}`);
      return undefined;
    }
  }

  private async increment(entry: string): Promise<number> {
    this.bucket ??= this.connection
      .jetstream()
      .views.kv(GATEWAY_THROTTLE_BUCKET, { ttl: KEPT_MS, history: 1, storage: StorageType.Memory })
      .catch((error: unknown) => {
        this.bucket = undefined;
        throw error;
      });
    const kv = await this.bucket;
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
