import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches, ValidateBy } from 'class-validator';
import { IANAZone } from 'luxon';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** A full instant: date, time and an explicit zone (Z or ±hh:mm), so no server guesses a zone. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** `YYYY-MM-DD` that is a real calendar date (no 2026-02-30). */
export const IsCalendarDate = (): PropertyDecorator =>
  applyDecorators(
    Matches(DATE_ONLY, { message: '$property must be a date (YYYY-MM-DD)' }),
    IsISO8601({ strict: true }, { message: '$property must be a real calendar date' }),
  );

/** An ISO-8601 instant such as `2026-12-01T04:30:00.000Z`. */
export const IsInstant = (): PropertyDecorator =>
  applyDecorators(
    Matches(INSTANT, { message: '$property must be an ISO-8601 instant such as 2026-12-01T04:30:00Z' }),
    IsISO8601({ strict: true }, { message: '$property must be a real date and time' }),
  );

/** An IANA time zone name that this runtime knows, such as `Asia/Kolkata`. */
export const IsIanaTimeZone = (): PropertyDecorator =>
  ValidateBy({
    name: 'isIanaTimeZone',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && IANAZone.isValidZone(value),
      defaultMessage: () => '$property must be an IANA time zone such as Asia/Kolkata',
    },
  });
