import { DEFAULT_NOTIFICATION_TIME_ZONE, LOCALES, type Language } from '@arogyam/contracts';

type Style = 'long' | 'short';

const FIELDS: Record<Style, Intl.DateTimeFormatOptions> = {
  long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  short: { weekday: 'short', day: 'numeric', month: 'short' },
};

/**
 * One formatter per style and zone, made once: building an Intl.DateTimeFormat costs far more
 * than using one, and luxon built them per message (composing a booking's messages was most of
 * notification-service's CPU per booking). Bounded by the zones that exist; an unknown zone
 * throws here and is never stored.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Indian English or Hindi (en-IN, hi-IN): day-month order, Hindi day and month names, Latin digits,
 * zone names such as IST in both; other zones read as GMT-5 etc.
 */
function formatterFor(style: Style, zone: string, language: Language): Intl.DateTimeFormat {
  const key = `${style}|${zone}|${language}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(LOCALES[language], {
      ...FIELDS[style],
      timeZone: zone,
      hour: 'numeric',
      minute: '2-digit',
      hour12: true,
      timeZoneName: 'short',
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** The instant's parts in `zone`, or in the default zone when `zone` is no zone. */
function partsIn(
  instant: string | Date,
  zone: string,
  style: Style,
  language: Language,
): Record<string, string> {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = formatterFor(style, zone, language);
  } catch {
    formatter = formatterFor(style, DEFAULT_NOTIFICATION_TIME_ZONE, language);
  }
  const parts: Record<string, string> = {};
  for (const { type, value } of formatter.formatToParts(at)) parts[type] = value;
  return parts;
}

/**
 * `Tuesday, 1 December 2026 at 10:00 am IST` (`मंगलवार, 1 दिसंबर 2026, 10:00 am IST`): emails and
 * in-app texts.
 */
export const formatLongTime = (instant: string | Date, zone: string, language: Language = 'en'): string => {
  const p = partsIn(instant, zone, 'long', language);
  const joint = language === 'en' ? ' at' : ',';
  return `${p.weekday}, ${p.day} ${p.month} ${p.year}${joint} ${p.hour}:${p.minute} ${p.dayPeriod} ${p.timeZoneName}`;
};

/** `Tue 1 Dec, 10:00 am IST` (`मंगल 1 दिस॰, 10:00 am IST`): SMS. */
export const formatShortTime = (instant: string | Date, zone: string, language: Language = 'en'): string => {
  const p = partsIn(instant, zone, 'short', language);
  return `${p.weekday} ${p.day} ${p.month}, ${p.hour}:${p.minute} ${p.dayPeriod} ${p.timeZoneName}`;
};
