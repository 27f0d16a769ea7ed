import { DateTime } from 'luxon';
import { minutesOfDay } from '../availability/schedule-rules';
import { isoInstant } from './iso-instant';

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

/** A calendar day of one zone, as laying out its slots needs it. */
interface LocalDay {
  /** 'YYYY-MM-DD'. */
  date: string;
  /** ISO weekday, Monday 1 … Sunday 7. */
  weekday: number;
  /** The UTC instant of local 00:00 when the day keeps one offset throughout (nearly every day). */
  midnightMs?: number;
  /** The day in luxon, for the few days whose clock changes. */
  zoned: DateTime;
}

const DAY_MS = 86_400_000;
const MAX_REMEMBERED_DAYS = 20_000;
const rememberedDays = new Map<string, LocalDay>();

/**
 * The zone's local day on a calendar date, remembered: luxon's offset arithmetic (Intl under the
 * hood) was most of a listing's CPU, and every doctor in a zone lists the same days.
 */
function localDay(timezone: string, utcDateMs: number): LocalDay {
  const key = `${timezone}|${utcDateMs}`;
  let day = rememberedDays.get(key);
  if (day) return day;
  const calendar = new Date(utcDateMs);
  const zoned = DateTime.fromObject(
    { year: calendar.getUTCFullYear(), month: calendar.getUTCMonth() + 1, day: calendar.getUTCDate() },
    { zone: timezone },
  ).startOf('day');
  // Where a clock change skips midnight (America/Santiago) the day starts at 01:00: not one offset.
  const oneOffset = zoned.hour === 0 && zoned.minute === 0 && zoned.offset === zoned.plus({ days: 1 }).offset;
  day = {
    date: calendar.toISOString().slice(0, 10),
    weekday: calendar.getUTCDay() || 7,
    midnightMs: oneOffset ? utcDateMs - zoned.offset * 60_000 : undefined,
    zoned,
  };
  if (rememberedDays.size >= MAX_REMEMBERED_DAYS) rememberedDays.clear();
  rememberedDays.set(key, day);
  return day;
}

/** The calendar date (as UTC midnight) that `instant` falls on in `timezone`. */
function localDateOf(instant: Date, timezone: string): number {
  const local = DateTime.fromJSDate(instant, { zone: timezone });
  return Date.UTC(local.year, local.month - 1, local.day);
}

/**
 * The start instants (ms) of the slots of a schedule that start in [from, to), ascending. Each
 * local day is laid out in the doctor's own zone by wall-clock time, so a 09:00 window starts at
 * 09:00 local on both sides of a DST change (and at another UTC instant); a local time that does
 * not exist on that day is skipped; one that occurs twice is offered once. A slot lasts
 * `slotMinutes` of real time.
 */
export function slotStartsBetween(schedule: WorkingSchedule, from: Date, to: Date): number[] {
  const closed = new Set((schedule.exceptions ?? []).map((exception) => exception.date));
  const fromMs = from.getTime();
  const toMs = to.getTime();
  const starts: number[] = [];
  const lastDate = localDateOf(to, schedule.timezone);
  for (let date = localDateOf(from, schedule.timezone); date <= lastDate; date += DAY_MS) {
    const day = localDay(schedule.timezone, date);
    if (closed.has(day.date)) continue;
    for (const window of schedule.weekly) {
      if (window.weekday !== day.weekday) continue;
      const end = minutesOfDay(window.end);
      for (
        let minute = minutesOfDay(window.start);
        minute + schedule.slotMinutes <= end;
        minute += schedule.slotMinutes
      ) {
        const start =
          day.midnightMs === undefined
            ? localTime(day.zoned, minute)?.toMillis()
            : day.midnightMs + minute * 60_000;
        if (start !== undefined && start >= fromMs && start < toMs) starts.push(start);
      }
    }
  }
  return starts.sort((a, b) => a - b);
}

/** The slots of a schedule that start in [from, to), in start order (see slotStartsBetween). */
export function slotsBetween(schedule: WorkingSchedule, from: Date, to: Date): CalculatedSlot[] {
  const lengthMs = schedule.slotMinutes * 60_000;
  return slotStartsBetween(schedule, from, to).map((start) => ({
    startAt: isoInstant(start),
    endAt: isoInstant(start + lengthMs),
  }));
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
