/**
 * Time as equality keys. FerretDB pushes equality and `$in` down to its indexes but reads every
 * document for a range (tools/ferretdb/README.md), so a query that MongoDB would write as a range
 * on an instant is written, on both databases, as `$in` on the UTC days (or hours) the range
 * touches, next to the instant itself, which still decides exactly what matches.
 */

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** `2026-12-05`: the UTC day of an instant. */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

/** `2026-12-05T14`: the UTC hour of an instant. */
export const utcHour = (at: Date): string => at.toISOString().slice(0, 13);

/** Every UTC day that [from, to) touches, in order; `to` itself is not included. */
export function utcDaysBetween(from: Date, to: Date): string[] {
  return bucketsBetween(from, to, DAY_MS, utcDay);
}

/** Every UTC hour that [from, to) touches, in order; `to` itself is not included. */
export function utcHoursBetween(from: Date, to: Date): string[] {
  return bucketsBetween(from, to, HOUR_MS, utcHour);
}

function bucketsBetween(from: Date, to: Date, size: number, label: (at: Date) => string): string[] {
  if (to.getTime() <= from.getTime()) return [];
  const buckets: string[] = [];
  for (let start = Math.floor(from.getTime() / size) * size; start < to.getTime(); start += size) {
    buckets.push(label(new Date(start)));
  }
  return buckets;
}
