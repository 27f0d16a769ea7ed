import { spansOf, type TextSpan } from './text-span';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;

/** Email addresses (de-identification, kind `email`). */
export const emailAddressesIn = (text: string): TextSpan[] => spansOf(EMAIL, text);
