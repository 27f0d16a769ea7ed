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
    day = day.plus({ days: 1 })
  ) {
    if (closed.has(day.toISODate() ?? '')) continue;
    for (const window of schedule.weekly.filter((candidate) => candidate.weekday === day.weekday)) {
      const end = minutesOfDay(window.end);
      for (
        let minute = minutesOfDay(window.start);
        minute + schedule.slotMinutes <= end;
        minute += schedule.slotMinutes
      ) {
        const start = localTime(day, minute)?.toJSDate();
        if (!start || start < from || start >= to) continue;
        slots.push({
          startAt: start.toISOString(),
          endAt: new Date(start.getTime() + schedule.slotMinutes * 60_000).toISOString(),
        });
      }
    }
  }
  return slots.sort((a, b) => a.startAt.localeCompare(b.startAt));
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
