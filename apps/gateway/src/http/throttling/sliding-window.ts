/** The counts of one key in the window now running and in the one before it. */
export interface WindowCounts {
  /** Requests counted in the window now running, this one included. */
  current: number;
  /** Requests counted in the window before it. */
  previous: number;
  /** How far the running window has got. */
  elapsedMs: number;
  windowMs: number;
}

/** What the sliding estimate says about this request. */
export interface SlidingCount {
  /** Requests in the last `windowMs`, as estimated: what a limit is held against. */
  hits: number;
  /** Seconds until one more request would be let through (over the limit), or the window ends (under it). */
  secondsLeft: number;
}

/**
 * Requests in the last `windowMs` estimated from two fixed windows: the running one's count plus
 * the previous one's, weighted by how much of it the last `windowMs` still covers. Fixed windows
 * alone let a client send the limit just before a window ends and again just after (twice the
 * limit within moments); the estimate holds that burst to about the limit, at the price of two
 * counts, and is exact when requests were spread evenly over the previous window.
 */
export function slidingCount(
  { current, previous, elapsedMs, windowMs }: WindowCounts,
  limit: number,
): SlidingCount {
  const stillCovered = 1 - elapsedMs / windowMs;
  const hits = current + Math.floor(previous * stillCovered);
  const untilWindowEnds = windowMs - elapsedMs;
  if (hits <= limit) return { hits, secondsLeft: Math.ceil(untilWindowEnds / 1000) };
  return {
    hits,
    secondsLeft: Math.max(1, Math.ceil(waitForRoomMs(current, previous, elapsedMs, windowMs, limit) / 1000)),
  };
}

/**
 * How long until one more request fits under `limit`, if no other comes: while this window's
 * count leaves room, until the previous window's weight has fallen enough; otherwise into the next
 * window, until this window's count (then the previous one) has.
 */
function waitForRoomMs(
  current: number,
  previous: number,
  elapsedMs: number,
  windowMs: number,
  limit: number,
): number {
  const untilWindowEnds = windowMs - elapsedMs;
  // One more counts `current + 1 + floor(previous × covered)`: room once `previous × covered < limit - current`.
  if (current < limit) return windowMs * (1 - (limit - current) / previous) - elapsedMs;
  // In the next window one more counts `1 + floor(current × covered)`: room once `current × covered < limit`.
  return untilWindowEnds + windowMs * (1 - limit / current);
}
