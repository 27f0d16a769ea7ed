/** class-transformer `@Transform` functions for free text. */

/** A blank optional text is no text at all. */
export const trimToUndefined = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() || undefined : value;

/** Free text without its surrounding blanks (so "  " is empty and fails a minimum length). */
export const trimText = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;
