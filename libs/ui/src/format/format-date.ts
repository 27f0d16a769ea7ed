import { currentLocale } from '../i18n/i18n';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "12 Mar 2026" from an ISO instant (in the viewer's time zone) or a YYYY-MM-DD calendar date. */
export function formatDate(isoDateOrInstant: string): string {
  const date = new Date(isoDateOrInstant);
  if (Number.isNaN(date.getTime())) return isoDateOrInstant;
  // A calendar date parses as UTC midnight; formatting it in UTC keeps a birthday on its own day.
  const timeZone = CALENDAR_DATE.test(isoDateOrInstant) ? 'UTC' : undefined;
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeZone }).format(date);
}
