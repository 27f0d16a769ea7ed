import type { FieldProblem, SetAvailabilityDto } from '@arogyam/contracts';

/** The longest slot a schedule may have (SetAvailabilityDto's `slotMinutes`), so no appointment is longer. */
export const LONGEST_SLOT_MS = 240 * 60_000;

/** Minutes since local midnight of an 'HH:mm' clock time ('24:00' is 1440). */
export const minutesOfDay = (clock: string): number => {
  const [hours, minutes] = clock.split(':').map(Number);
  return hours * 60 + minutes;
};

/**
 * What the field validators cannot see: how the windows fit together. Each window must end
 * after it starts and hold a whole number of slots (no stub slot nobody can book at its end),
 * and windows of one weekday must not overlap (the same slot twice). Exceptions name each date
 * once.
 */
export function scheduleProblems(schedule: SetAvailabilityDto): FieldProblem[] {
  const problems: FieldProblem[] = [];
  schedule.weekly.forEach((window, index) => {
    const length = minutesOfDay(window.end) - minutesOfDay(window.start);
    const field = `weekly.${index}`;
    if (length <= 0) problems.push({ field, problem: 'must end after it starts' });
    else if (length % schedule.slotMinutes !== 0) {
      problems.push({ field, problem: `must hold a whole number of ${schedule.slotMinutes}-minute slots` });
    }
  });
  const byStart = schedule.weekly
    .map((window, index) => ({ window, index }))
    .sort(
      (a, b) =>
        a.window.weekday - b.window.weekday || minutesOfDay(a.window.start) - minutesOfDay(b.window.start),
    );
  // In start order, a window overlaps an earlier one of its weekday if it starts before the
  // latest end so far (not just the previous window's: one long window may cover several).
  let latest: { weekday: number; end: number; index: number } | undefined;
  for (const { window, index } of byStart) {
    const start = minutesOfDay(window.start);
    if (latest?.weekday === window.weekday && start < latest.end) {
      problems.push({ field: `weekly.${index}`, problem: `overlaps weekly.${latest.index}` });
    }
    if (latest?.weekday !== window.weekday || minutesOfDay(window.end) > latest.end) {
      latest = { weekday: window.weekday, end: minutesOfDay(window.end), index };
    }
  }
  const seen = new Set<string>();
  (schedule.exceptions ?? []).forEach((exception, index) => {
    if (seen.has(exception.date)) problems.push({ field: `exceptions.${index}`, problem: 'repeats a date' });
    seen.add(exception.date);
  });
  return problems;
}
