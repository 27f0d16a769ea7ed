import { ValidateBy, type ValidationOptions } from 'class-validator';

/** The earliest registration year accepted (no practising doctor registered before it). */
export const REGISTRATION_YEAR_MIN = 1950;

/** The year is not after the current one (checked when validated, so it moves with the calendar). */
export function IsNotAfterThisYear(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotAfterThisYear',
      validator: {
        validate: (value: unknown) => typeof value === 'number' && value <= new Date().getUTCFullYear(),
        defaultMessage: () => '$property must not be after this year',
      },
    },
    options,
  );
}
