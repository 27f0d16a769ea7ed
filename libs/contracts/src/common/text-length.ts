import { ValidateBy, buildMessage, type ValidationOptions } from 'class-validator';

/**
 * The one length of text on this platform: Unicode code points, so an emoji or a Devanagari
 * conjunct part counts as one, whatever its UTF-16 size. The gateway's DTOs, the services' DTOs
 * and the mongoose schemas all count with this; before, class-validator counted characters and
 * mongoose UTF-16 units, so 150 emoji passed the DTO and failed the schema with a 500.
 */
export function textLength(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** The text is at most `max` code points (textLength). */
export function MaxTextLength(max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'maxTextLength',
      constraints: [max],
      validator: {
        validate: (value: unknown) => typeof value === 'string' && textLength(value) <= max,
        defaultMessage: buildMessage(
          (each) => `${each}$property must be shorter than or equal to $constraint1 characters`,
          options,
        ),
      },
    },
    options,
  );
}

/** The text is at least `min` code points (textLength). */
export function MinTextLength(min: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'minTextLength',
      constraints: [min],
      validator: {
        validate: (value: unknown) => typeof value === 'string' && textLength(value) >= min,
        defaultMessage: buildMessage(
          (each) => `${each}$property must be longer than or equal to $constraint1 characters`,
          options,
        ),
      },
    },
    options,
  );
}
