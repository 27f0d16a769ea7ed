import { utcHour } from '@arogyam/persistence';

const DAY_MS = 24 * 60 * 60_000;

/**
 * Reminders, their claims and cancellations only matter until the appointment starts; a week on,
 * no event about it can still arrive (the stream keeps 7 days), so they go.
 */
export const APPOINTMENT_BOOKKEEPING_DAYS = 7;
export const APPOINTMENT_BOOKKEEPING_MS = APPOINTMENT_BOOKKEEPING_DAYS * DAY_MS;

/**
 * The UTC hour under which the retention sweep looks for an appointment's reminder, claim or
 * cancellation (`sweepHour`): its start's hour, or, when it is written about an appointment that
 * started longer ago than the bookkeeping lasts (a cancellation of a long-past appointment), the
 * hour the sweep is at by then, so that it still falls inside what the next sweep reads.
 */
export function bookkeepingSweepHour(startAt: Date, writtenAt: Date): string {
  return utcHour(new Date(Math.max(startAt.getTime(), writtenAt.getTime() - APPOINTMENT_BOOKKEEPING_MS)));
}
