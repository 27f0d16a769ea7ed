import { DateTime } from 'luxon';
import { DEFAULT_NOTIFICATION_TIME_ZONE } from '@arogyam/contracts';

/** Indian English: day-month order and zone names such as IST; other zones read as GMT-5 etc. */
const LOCALE = 'en-IN';

const inZone = (instant: string | Date, zone: string): DateTime => {
  const at = typeof instant === 'string' ? DateTime.fromISO(instant) : DateTime.fromJSDate(instant);
  const local = at.setZone(zone);
  return (local.isValid ? local : at.setZone(DEFAULT_NOTIFICATION_TIME_ZONE)).setLocale(LOCALE);
};

/** `Tuesday, 1 December 2026 at 10:00 am IST`: emails and in-app texts. */
export const formatLongTime = (instant: string | Date, zone: string): string =>
  inZone(instant, zone).toFormat("cccc, d LLLL yyyy 'at' h:mm a ZZZZ");

/** `Tue 1 Dec, 10:00 am IST`: SMS. */
export const formatShortTime = (instant: string | Date, zone: string): string =>
  inZone(instant, zone).toFormat('ccc d LLL, h:mm a ZZZZ');
