import { DateTime } from 'luxon';
import { ANALYTICS_MAX_RANGE_DAYS, DomainError, type AnalyticsQueryDto } from '@arogyam/contracts';

/** A report's local dates and the instants they span in its zone. */
export interface ReportRange {
  from: string;
  to: string;
  timezone: string;
  start: DateTime;
  /** The start of the day after `to` (exclusive). */
  end: DateTime;
  /** Every local date from `from` to `to`. */
  dates: string[];
}

/** The range of a (shape-checked) query; 400 when `from` is after `to` or the range is too long. */
export function reportRange(query: AnalyticsQueryDto): ReportRange {
  const start = DateTime.fromISO(query.from, { zone: query.tz }).startOf('day');
  const last = DateTime.fromISO(query.to, { zone: query.tz }).startOf('day');
  if (!start.isValid || !last.isValid)
    throw DomainError.badRequest('from, to and tz must be dates and a time zone.');
  if (last < start) throw DomainError.badRequest('from must not be after to.');
  const dates: string[] = [];
  for (let day = start; day <= last; day = day.plus({ days: 1 })) {
    dates.push(day.toISODate() as string);
    if (dates.length > ANALYTICS_MAX_RANGE_DAYS)
      throw DomainError.badRequest(`A report covers at most ${ANALYTICS_MAX_RANGE_DAYS} days.`);
  }
  return { from: query.from, to: query.to, timezone: query.tz, start, end: last.plus({ days: 1 }), dates };
}

/** The local date of an instant in the report's zone. */
export const localDate = (range: ReportRange, at: Date): string =>
  DateTime.fromJSDate(at, { zone: range.timezone }).toISODate() as string;

/** The period of a date's ISO week (Monday), or the range's first day for the first, partial week. */
export function weekOf(range: ReportRange, date: string): string {
  const monday = DateTime.fromISO(date, { zone: range.timezone }).startOf('week').toISODate() as string;
  return monday < range.from ? range.from : monday;
}
