import { DateTime } from 'luxon';
import { DomainError, EARNINGS_MAX_DAYS, type EarningsQueryDto } from '@arogyam/contracts';

/** The days asked for (both included) in `timezone`, and the instants [start, end) they span. */
export interface EarningsPeriod {
  timezone: string;
  from: string;
  to: string;
  start: Date;
  end: Date;
}

/**
 * The period of an earnings query: its days in its zone (UTC when none), by default from the first
 * of the month two months back to the end of next month (bookings ahead are owed too); 400 when `from` is after `to` or the
 * period is longer than EARNINGS_MAX_DAYS.
 */
export function earningsPeriod(query: EarningsQueryDto, now: Date): EarningsPeriod {
  const timezone = query.tz ?? 'UTC';
  const today = DateTime.fromJSDate(now, { zone: timezone }).startOf('day');
  const first = query.from
    ? DateTime.fromISO(query.from, { zone: timezone })
    : today.startOf('month').minus({ months: 2 });
  const last = query.to
    ? DateTime.fromISO(query.to, { zone: timezone })
    : today.plus({ months: 1 }).endOf('month').startOf('day');
  if (first > last) throw DomainError.badRequest('`from` must not be after `to`.');
  const end = last.plus({ days: 1 }).startOf('day');
  if (Math.round(end.diff(first, 'days').days) > EARNINGS_MAX_DAYS) {
    throw DomainError.badRequest(`A period of at most ${EARNINGS_MAX_DAYS} days can be asked for.`);
  }
  return {
    timezone,
    from: first.toISODate() ?? '',
    to: last.toISODate() ?? '',
    start: first.toJSDate(),
    end: end.toJSDate(),
  };
}
