import { MAX_MONEY_AMOUNT } from '@arogyam/contracts';
import { bucketsCovering, bucketsOf, type BucketLevel } from './range-buckets';

/** Fees in paise: a paisa, a rupee, ₹100, ₹1,000, ₹10,000, ₹1,00,000. A range in ₹100 steps takes at most ~40 buckets. */
const FEE_LEVELS: BucketLevel[] = [
  { tag: 'p', size: 1 },
  { tag: 'r', size: 100 },
  { tag: 'c', size: 10_000 },
  { tag: 't', size: 100_000 },
  { tag: 'x', size: 1_000_000 },
  { tag: 'l', size: 10_000_000 },
];

const QUARTER_HOUR_MS = 15 * 60_000;

/**
 * Times in ms: quarter hours (every zone's midnight falls on one), hours, six hours, UTC days.
 * "Free today" takes at most 12 buckets, "this week" 21 (without the six hours, 27 and 51: each
 * bucket is one more GIN scan, and "this week" took 153 ms at 50,000 doctors; docs/benchmarks.md).
 */
const TIME_LEVELS: BucketLevel[] = [
  { tag: 'q', size: QUARTER_HOUR_MS },
  { tag: 'h', size: 60 * 60_000 },
  { tag: 's', size: 6 * 60 * 60_000 },
  { tag: 'd', size: 24 * 60 * 60_000 },
];

export const feeBucketsOf = (amount: number): string[] => bucketsOf(amount, FEE_LEVELS);

/** The fee buckets of [minFee, maxFee], both inclusive, in paise. */
export const feeBucketsBetween = (minFee = 0, maxFee = MAX_MONEY_AMOUNT): string[] =>
  bucketsCovering(minFee, maxFee + 1, FEE_LEVELS);

export const timeBucketsOf = (instant: Date): string[] => bucketsOf(instant.getTime(), TIME_LEVELS);

/**
 * The time buckets from the quarter hour `now` is in up to `end`: a doctor whose first free slot
 * passed earlier is not "free today" until the sweep recomputes it (search/next-free-sweep.ts).
 */
export function timeBucketsUntil(now: Date, end: Date): string[] {
  const from = Math.floor(now.getTime() / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
  const to = Math.ceil(end.getTime() / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
  return bucketsCovering(from, to, TIME_LEVELS);
}
