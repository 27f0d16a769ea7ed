// Appointment times: instants travel as UTC and are shown in the viewer's own time zone, written
// the way the page's language writes them (en-IN, hi-IN).
import { currentLocale } from '../i18n/i18n';

const DATE_KEY = /^\d{4}-\d{2}-\d{2}$/;

/** One formatter per locale and style, made when first needed (making one costs more than using it). */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(style: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = currentLocale();
  const key = `${locale} ${style}`;
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = new Intl.DateTimeFormat(locale, options)));
  return made;
}
const timeFormat = () => formatter('time', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const dayFormat = () => formatter('day', { weekday: 'long', day: 'numeric', month: 'long' });
const fullDateFormat = () => formatter('full', { dateStyle: 'full' });
const shortDateFormat = () => formatter('short', { day: 'numeric', month: 'short' });

/** The browser's IANA time zone, e.g. "Asia/Kolkata". */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "India Standard Time (Asia/Kolkata)": the viewer's zone, said once per page. */
export function timeZoneDescription(timeZone = browserTimeZone()): string {
  const name = new Intl.DateTimeFormat(currentLocale(), { timeZone, timeZoneName: 'long' })
    .formatToParts(new Date())
    .find((part) => part.type === 'timeZoneName')?.value;
  return name && name !== timeZone ? `${name} (${timeZone})` : timeZone;
}

/** "10:30", 24-hour, in the viewer's zone. */
export function formatTime(instant: string): string {
  return timeFormat().format(new Date(instant));
}

/** "10:30–11:00". */
export function formatTimeRange(startAt: string, endAt: string): string {
  return `${formatTime(startAt)}–${formatTime(endAt)}`;
}

/** "Tuesday, 1 December": a heading for a group of slots on one local day. */
export function formatDay(instant: string): string {
  return dayFormat().format(new Date(instant));
}

/** "IST", or "GMT+1": the viewer's zone as it was at that instant (summer time changes it). */
export function zoneAbbreviation(instant: Date, timeZone?: string): string {
  return (
    new Intl.DateTimeFormat(currentLocale(), { timeZone, timeZoneName: 'short' })
      .formatToParts(instant)
      .find((part) => part.type === 'timeZoneName')?.value ?? ''
  );
}

/**
 * "Tuesday, 1 December 2026, 10:00 IST": a date and time standing alone always names its zone,
 * so a patient abroad and a doctor in India read the same visit the same way.
 */
export function formatDateTime(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return `${fullDateFormat().format(date)}, ${timeFormat().format(date)} ${zoneAbbreviation(date)}`.trimEnd();
}

/** "Tuesday, 1 December 2026, 10:00–10:30 IST". */
export function formatDateTimeRange(startAt: string, endAt: string): string {
  const start = new Date(startAt);
  if (Number.isNaN(start.getTime())) return startAt;
  return `${fullDateFormat().format(start)}, ${formatTimeRange(startAt, endAt)} ${zoneAbbreviation(start)}`.trimEnd();
}

/** "10:30" today, "12 Mar, 10:30" on another day: when a message or notification came. */
export function formatMessageTime(instant: string, now = new Date()): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const time = timeFormat().format(date);
  return localDateKey(date) === localDateKey(now) ? time : `${shortDateFormat().format(date)}, ${time}`;
}

/** The viewer's calendar date of an instant as YYYY-MM-DD (today, by default). */
export function localDateKey(instant: string | Date = new Date(), timeZone?: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  }).format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** A YYYY-MM-DD from a URL or an input, or undefined when it is not one. */
export function dateKeyOrUndefined(value: string | null | undefined): string | undefined {
  return value && DATE_KEY.test(value) ? value : undefined;
}

const HOUR_MS = 3_600_000;

/**
 * From the start of this hour to the end of the `days`-th local day from today, as ISO instants
 * for `from=` / `to=`. The start is the hour, not now, so that patients viewing a doctor within
 * the same hour ask for the same range and share the gateway's cached listing; the slots already
 * begun come back as not available.
 */
export function nextDays(days: number, now = new Date()): { from: string; to: string } {
  const end = new Date(now);
  end.setHours(0, 0, 0, 0);
  end.setDate(end.getDate() + days);
  const hourStart = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
  return { from: hourStart.toISOString(), to: end.toISOString() };
}

export interface DayGroup<T> {
  /** YYYY-MM-DD in the viewer's zone. */
  key: string;
  /** "Tuesday, 1 December". */
  label: string;
  items: T[];
}

/** Groups timed items (in the order given) by the viewer's local day of `startAt`. */
export function groupByLocalDay<T extends { startAt: string }>(items: readonly T[]): DayGroup<T>[] {
  const groups = new Map<string, DayGroup<T>>();
  for (const item of items) {
    const key = localDateKey(item.startAt);
    const group = groups.get(key) ?? { key, label: formatDay(item.startAt), items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}
