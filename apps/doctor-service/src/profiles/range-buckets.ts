/**
 * Ranges as equalities. FerretDB pushes down equality and `$in`, never a range (docs/decisions.md,
 * "FerretDB"), so a fee range or "free today" is asked as `field: {$in: buckets}`: each doctor
 * stores the buckets its value falls in at every level (`bucketsOf`), and a range is the few
 * largest buckets that tile it exactly (`bucketsCovering`). Exact for any whole-number range, with
 * no range left for FerretDB to check, so a search stays one pushed-down, index-served query.
 */
export interface BucketLevel {
  /** Names the level in the stored key (`h123`), so equal numbers of two levels never match. */
  tag: string;
  /** Each level's size is a multiple of the one before. */
  size: number;
}

/** The value's bucket at every level: what a doctor stores. */
export const bucketsOf = (value: number, levels: readonly BucketLevel[]): string[] =>
  levels.map(({ tag, size }) => `${tag}${Math.floor(value / size)}`);

/**
 * The buckets that tile [from, to) exactly, largest first where they fit: at most about 2 × (the
 * ratio between two levels) per level. `from` and `to` are whole multiples of the finest level.
 */
export function bucketsCovering(from: number, to: number, levels: readonly BucketLevel[]): string[] {
  const covering: string[] = [];
  let at = from;
  while (at < to) {
    let level = levels[0];
    for (const candidate of levels)
      if (at % candidate.size === 0 && at + candidate.size <= to) level = candidate;
    covering.push(`${level.tag}${at / level.size}`);
    at += level.size;
  }
  return covering;
}
