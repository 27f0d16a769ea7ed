import { DateTime } from 'luxon';
import type { PublishedSchedule } from '../read-model/published-schedule.schema';

const minutesOf = (from: DateTime, to: DateTime): number => Math.max(0, to.diff(from, 'minutes').minutes);

/** Wall-clock 'HH:mm' on a local date ('24:00' is the next midnight). */
const at = (day: DateTime, time: string): DateTime => {
  const [hour, minute] = time.split(':').map(Number);
  if (hour === 24) return day.plus({ days: 1 }).startOf('day');
  return day.set({ hour, minute, second: 0, millisecond: 0 });
};

/**
 * Minutes of a doctor's published hours within [start, end): each schedule counts from its
 * publication until the next one, on its weekly windows in its own zone, but not on its
 * unavailable dates.
 */
export function publishedMinutes(schedules: PublishedSchedule[], start: DateTime, end: DateTime): number {
  const ordered = [...schedules].sort((a, b) => new Date(a.from).getTime() - new Date(b.from).getTime());
  let total = 0;
  ordered.forEach((schedule, index) => {
    const inForceFrom = DateTime.fromJSDate(new Date(schedule.from));
    const next = ordered[index + 1];
    const inForceTo = next ? DateTime.fromJSDate(new Date(next.from)) : end;
    const from = DateTime.max(start, inForceFrom);
    const to = DateTime.min(end, inForceTo);
    if (from >= to) return;
    const unavailable = new Set(schedule.unavailableDates);
    const lastDay = to.setZone(schedule.timezone).startOf('day');
    // From the day before, for a window of the previous local day that reaches into the range.
    for (
      let day = from.setZone(schedule.timezone).startOf('day').minus({ days: 1 });
      day <= lastDay;
      day = day.plus({ days: 1 })
    ) {
      if (unavailable.has(day.toISODate() as string)) continue;
      for (const window of schedule.weekly.filter((candidate) => candidate.weekday === day.weekday)) {
        const windowStart = DateTime.max(at(day, window.start), from);
        const windowEnd = DateTime.min(at(day, window.end), to);
        if (windowEnd > windowStart) total += minutesOf(windowStart, windowEnd);
      }
    }
  });
  return Math.round(total);
}
