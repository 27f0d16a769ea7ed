import { Injectable } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { SharedCounts } from './shared-counts';

/**
 * @nestjs/throttler's storage on SharedCounts, so the auth limits hold across gateway replicas.
 * Sliding windows (SharedCounts): once over the limit, a tracker is refused until its count of the
 * last `ttl` falls under it again.
 */
@Injectable()
export class SharedThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly counts: SharedCounts) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    _block: number,
    name: string,
  ): ReturnType<ThrottlerStorage['increment']> {
    const counted = await this.counts.countOne(`${name}:${key}`, ttl, limit);
    if (!counted)
      return { totalHits: 0, timeToExpire: Math.ceil(ttl / 1000), isBlocked: false, timeToBlockExpire: 0 };
    const isBlocked = counted.hits > limit;
    return {
      totalHits: counted.hits,
      timeToExpire: counted.secondsLeft,
      isBlocked,
      timeToBlockExpire: isBlocked ? counted.secondsLeft : 0,
    };
  }
}
