import { DateTime } from 'luxon';
import { minutesOfDay } from '../availability/schedule-rules';

export interface WorkingSchedule {
  timezone: string;
  slotMinutes: number;
  weekly: { weekday: number; start: string; end: string }[];
  exceptions?: { date: string }[];
}

/** A slot as UTC instants (`toISOString()` form, so equal instants are equal strings). */
export interface CalculatedSlot {
  startAt: string;
  endAt: string;
}

/** The wall-clock time `minutes` after local midnight of `day`, or undefined if the clock skips it (DST gap). */
function localTime(day: DateTime, minutes: number): DateTime | undefined {
  const hour = Math.floor(minutes / 60);
  const minute = minutes % 60;
  const time = DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour, minute },
    { zone: day.zone },
  );
  // luxon moves a nonexistent local time forward by the gap; that is another slot's time, not this one.
  return time.hour === hour && time.minute === minute ? time : undefined;
}

/**
 * The slots of a schedule that start in [from, to), in start order. Each local day is laid out
 * in the doctor's own zone by wall-clock time, so a 09:00 window starts at 09:00 local on both
 * sides of a DST change (and at another UTC instant); a local time that does not exist on that
 * day is skipped; one that occurs twice is offered once. A slot lasts `slotMinutes` of real time.
 */
export function slotsBetween(schedule: WorkingSchedule, from: Date, to: Date): CalculatedSlot[] {
  const closed = new Set((schedule.exceptions ?? []).map((exception) => exception.date));
  const slots: CalculatedSlot[] = [];
  const lastDay = DateTime.fromJSDate(to, { zone: schedule.timezone }).startOf('day');
  for (
    let day = DateTime.fromJSDate(from, { zone: schedule.timezone }).startOf('day');
    day <= lastDay;
    // startOf again: where a clock change skips midnight (America/Santiago) the day starts at
    // 01:00, and adding days to that would keep 01:00 and miss the range's last day.
    day = day.plus({ days: 1 }).startOf('day')
  ) {
    if (closed.has(day.toISODate() ?? '')) continue;
    // On a day whose clock does not change (nearly all), local times map to instants by one
    // offset; luxon per slot (~18 µs each) made a 30-day listing cost 25 ms of CPU.
    const offsetMs = hasOneOffset(day) ? day.offset * 60_000 : undefined;
    for (const window of schedule.weekly.filter((candidate) => candidate.weekday === day.weekday)) {
      const end = minutesOfDay(window.end);
      for (
        let minute = minutesOfDay(window.start);
        minute + schedule.slotMinutes <= end;
        minute += schedule.slotMinutes
      ) {
        const start =
          offsetMs === undefined
            ? localTime(day, minute)?.toJSDate()
            : new Date(Date.UTC(day.year, day.month - 1, day.day, 0, minute) - offsetMs);
        if (!start || start < from || start >= to) continue;
        slots.push({
          startAt: start.toISOString(),
          endAt: new Date(start.getTime() + schedule.slotMinutes * 60_000).toISOString(),
        });
      }
    }
  }
  // ISO instants of one format sort as strings; localeCompare was slower and is not needed.
  return slots.sort((a, b) => (a.startAt < b.startAt ? -1 : a.startAt > b.startAt ? 1 : 0));
}

/** Whether the local day starts at 00:00 and keeps one UTC offset until the next day starts. */
function hasOneOffset(day: DateTime): boolean {
  return day.hour === 0 && day.minute === 0 && day.offset === day.plus({ days: 1 }).offset;
}

/** The schedule's slot that starts exactly at `startAt`, if there is one. */
export function slotStartingAt(schedule: WorkingSchedule, startAt: Date): CalculatedSlot | undefined {
  const iso = startAt.toISOString();
  return slotsBetween(schedule, startAt, new Date(startAt.getTime() + 1)).find(
    (slot) => slot.startAt === iso,
  );
}

/** The instants a local calendar day of `timezone` spans (23 or 25 hours on DST days). */
export function localDayBounds(date: string, timezone: string): { start: Date; end: Date } {
  const start = DateTime.fromISO(date, { zone: timezone }).startOf('day');
  return { start: start.toJSDate(), end: start.plus({ days: 1 }).toJSDate() };
}

/** Today's date in `timezone`, 'YYYY-MM-DD'. */
export const localToday = (timezone: string, now = new Date()): string =>
  DateTime.fromJSDate(now, { zone: timezone }).toISODate() ?? now.toISOString().slice(0, 10);
