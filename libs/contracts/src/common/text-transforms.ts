/** class-transformer `@Transform` functions for free text. */

/** A blank optional text is no text at all. */
export const trimToUndefined = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() || undefined : value;
