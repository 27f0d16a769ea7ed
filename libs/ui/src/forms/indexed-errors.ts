import type { FieldErrors } from '../hooks/use-form-errors';

/** The server's problem with `list.N.prop` (or with item N as a whole when `prop` is left out). */
export function itemError(
  errors: FieldErrors,
  list: string,
  index: number,
  prop?: string,
): string | undefined {
  const suffix = prop ? `.${prop}` : '';
  return errors[`${list}.${index}${suffix}`] ?? errors[`${list}[${index}]${suffix}`];
}

/** A problem with a list as such (e.g. "must not be empty"), when none of its items is named. */
export function listError(errors: FieldErrors, list: string): string | undefined {
  const itemized = Object.keys(errors).some(
    (field) => field.startsWith(`${list}.`) || field.startsWith(`${list}[`),
  );
  return itemized ? undefined : errors[list];
}
