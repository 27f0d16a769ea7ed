import { IsString, Matches } from 'class-validator';

/** The fewest digits a phone search takes: fewer would match a crowd. */
export const PHONE_SEARCH_MIN_DIGITS = 4;

/** What an admin's search text must look like to be taken for a phone number: digits and dialling marks. */
const PHONE_LIKE = /^\+?[0-9 ()-]+$/;

/**
 * A phone number's digits as dialled within India: spaces and marks dropped, and the country code
 * (`+91`, `0091`) or trunk `0` in front of a 10-digit number too, so every way of writing one
 * number gives the same digits.
 */
export function nationalPhoneDigits(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length === 14 && digits.startsWith('0091')) return digits.slice(4);
  if (digits.length === 12 && digits.startsWith('91')) return digits.slice(2);
  if (digits.length === 11 && digits.startsWith('0')) return digits.slice(1);
  return digits;
}

/** The digits to look a search text up by, when it is a phone number (or the end of one); else undefined. */
export function phoneSearchDigits(text: string): string | undefined {
  if (!PHONE_LIKE.test(text)) return undefined;
  const digits = nationalPhoneDigits(text);
  return digits.length >= PHONE_SEARCH_MIN_DIGITS ? digits : undefined;
}

/**
 * Every ending of the number, PHONE_SEARCH_MIN_DIGITS digits long up to all of them: stored, so
 * "the last digits" and "the whole number" are each one equality an index serves.
 */
export function phoneSuffixesOf(phone: string): string[] {
  const digits = nationalPhoneDigits(phone);
  const suffixes: string[] = [];
  for (let length = PHONE_SEARCH_MIN_DIGITS; length <= digits.length; length += 1)
    suffixes.push(digits.slice(digits.length - length));
  return suffixes;
}

/** The most patient ids one phone search answers (an admin narrows a longer list with more digits). */
export const PHONE_SEARCH_LIMIT = 100;

/** `patient.profile.ids_by_phone` (user-service's admin search, no caller): patients whose number ends so. */
export class PatientsByPhoneMessage {
  @IsString()
  @Matches(/^[0-9]{4,15}$/, { message: '$property must be 4 to 15 digits' })
  phoneDigits: string;
}

/** The answer: at most PHONE_SEARCH_LIMIT ids, nothing else of the patients. */
export interface PatientsByPhoneView {
  patientIds: string[];
}
