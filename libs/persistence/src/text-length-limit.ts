import { textLength } from '@arogyam/contracts';

/**
 * A schema's text limit counted as the DTOs count it (textLength, code points), not as mongoose's
 * `maxlength` (UTF-16 units). Its message names the path only, never the value: a value here
 * is user text, and validation messages end up in logs.
 */
export const maxTextLength = (max: number) => ({
  validator: (value: unknown): boolean =>
    value === undefined || value === null || (typeof value === 'string' && textLength(value) <= max),
  message: `{PATH} is longer than ${max} characters`,
});
