import { ValidateBy } from 'class-validator';

/** The earliest date a birth or a record may carry: nobody alive, no record kept, is older. */
export const EARLIEST_PAST_DATE = '1900-01-01';

/**
 * Today's date where it is already latest (UTC+14), so a date that is today anywhere on Earth
 * is never "in the future".
 */
const latestToday = (): string => new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10);

/**
 * A `YYYY-MM-DD` (checked by IsCalendarDate or IsDateString beside it) from 1900-01-01 to today:
 * a birth date or the date of a record. Compared as text, which orders these dates correctly.
 */
export const IsPastDate = (): PropertyDecorator =>
  ValidateBy({
    name: 'isPastDate',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && value >= EARLIEST_PAST_DATE && value <= latestToday(),
      defaultMessage: () => `$property must be a date from ${EARLIEST_PAST_DATE} to today`,
    },
  });
