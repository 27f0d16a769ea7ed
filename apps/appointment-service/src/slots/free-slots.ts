import type { HeldTime } from '../appointments/appointment.repository';

/** Held times as [start, end) milliseconds, the form the free-slot test below reads. */
export const heldIntervals = (held: HeldTime[]): (readonly [number, number])[] =>
  held.map((time) => [time.startAt.getTime(), time.endAt.getTime()] as const);

/** Whether a slot [start, end) can still be booked at `now`: ahead, and no held time overlaps it. */
export const isFree = (
  start: number,
  end: number,
  held: readonly (readonly [number, number])[],
  now: number,
) => start > now && !held.some(([heldFrom, heldTo]) => start < heldTo && heldFrom < end);
