import { browserTimeZone } from '@arogyam/ui';
import { dayParam } from './search-params';

/** The analytics page's range, kept in the URL: a preset (the last 7 or 30 days, today included) or two days. */
export type RangePreset = '7' | '30' | 'custom';

export interface AnalyticsRange {
  preset: RangePreset;
  /** Local dates (YYYY-MM-DD) in the admin's own time zone, both included. */
  from: string;
  to: string;
}

/** Today's date in a time zone ('en-CA' writes dates as YYYY-MM-DD). */
export const todayIn = (timeZone: string, now = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    now,
  );

/** A calendar date `days` before another (date arithmetic at noon UTC, clear of any zone's edge). */
export const daysBefore = (date: string, days: number): string => {
  const at = new Date(`${date}T12:00:00Z`);
  at.setUTCDate(at.getUTCDate() - days);
  return at.toISOString().slice(0, 10);
};

export function analyticsRangeFrom(params: URLSearchParams, now = new Date()): AnalyticsRange {
  const from = dayParam(params, 'from');
  const to = dayParam(params, 'to');
  if (params.get('range') === 'custom' && from && to) return { preset: 'custom', from, to };
  const preset: RangePreset = params.get('range') === '7' ? '7' : '30';
  const today = todayIn(browserTimeZone(), now);
  return { preset, from: daysBefore(today, Number(preset) - 1), to: today };
}

export function paramsForRange(range: AnalyticsRange): Record<string, string> {
  return range.preset === 'custom'
    ? { range: 'custom', from: range.from, to: range.to }
    : { range: range.preset };
}

/** The gateway's query: the dates and the admin's zone, in which the days are counted. */
export const analyticsQuery = (range: AnalyticsRange): Record<string, string> => ({
  from: range.from,
  to: range.to,
  tz: browserTimeZone(),
});
