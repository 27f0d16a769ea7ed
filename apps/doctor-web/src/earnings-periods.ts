import { currentLocale, localDateKey } from '@arogyam/ui';

/** The Monday (YYYY-MM-DD) of the week a local date is in: the server names weeks so. */
export function mondayOf(dateKey: string): string {
  const day = new Date(`${dateKey}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/** This week's and this month's names as the earnings answer uses them, in the viewer's zone. */
export function currentPeriods(now = new Date()): { week: string; month: string } {
  const today = localDateKey(now);
  return { week: mondayOf(today), month: today.slice(0, 7) };
}

/** "November 2026" for `2026-11`. */
export function formatMonth(period: string): string {
  return new Intl.DateTimeFormat(currentLocale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${period}-01T00:00:00Z`),
  );
}
