import { digitCount, spansOf, type TextSpan } from './text-span';

/**
 * Indian mobiles: ten digits from 6-9, alone or after +91 / 0091 / 0, written whole, 5+5 or
 * 3+3+4 ("+91 98450 12345", "098450-12345", "984 501 2345").
 */
const INDIAN_MOBILE =
  /(?<![\d+])(?:(?:\+|00)91[\s-]?|0)?(?:[6-9]\d{9}|[6-9]\d{4}[\s-]\d{5}|[6-9]\d{2}[\s-]\d{3}[\s-]\d{4})(?!\d)/;

/** Indian landlines with their STD code: "080-2345 6789", "011 23456789", "04423456789". */
const INDIAN_LANDLINE = /(?<![\d+])0[1-9]\d{1,3}[\s-]?\d{3,4}[\s-]?\d{4}(?!\d)/;

/** Anything after a country code: "+44 20 7946 0958", "+1 (415) 555-0100"; 8 to 15 digits. */
const INTERNATIONAL = /(?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,6}(?!\d)/;

/** Phone numbers, Indian and international (de-identification, kind `phone_number`). */
export function phoneNumbersIn(text: string): TextSpan[] {
  return [
    ...spansOf(INDIAN_MOBILE, text),
    ...spansOf(INDIAN_LANDLINE, text, (match) => [10, 11].includes(digitCount(match[0]))),
    ...spansOf(INTERNATIONAL, text, (match) => {
      const digits = digitCount(match[0]);
      return digits >= 8 && digits <= 15;
    }),
  ];
}
