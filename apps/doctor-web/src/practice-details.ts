import {
  commaSeparated,
  optionalNumber,
  optionalText,
  rawText,
  type DoctorGender,
  type DoctorProfileChanges,
} from '@arogyam/ui';

/** Names of the practice fields shared by registration and profile editing (also the API's names). */
export const PRACTICE_FIELDS = [
  'fullName',
  'specialization',
  'yearsOfExperience',
  'consultationFee',
  'city',
  'gender',
  'languages',
  'bio',
] as const;

export interface ReadOptions {
  /**
   * When registering, blank optional fields are simply not sent. When editing, blank city or bio are sent
   * as empty text so a doctor can clear them.
   */
  blankText: 'omit' | 'send';
}

/** Reads the practice fields as the API expects them; the fee is typed in rupees and sent in paise. */
export function readPracticeDetails(data: FormData, { blankText }: ReadOptions): DoctorProfileChanges {
  const text = (name: string) =>
    blankText === 'send' ? rawText(data, name).trim() : optionalText(data, name);
  const feeInRupees = optionalNumber(data, 'consultationFee');
  return {
    fullName: rawText(data, 'fullName').trim(),
    specialization: rawText(data, 'specialization').trim(),
    yearsOfExperience: optionalNumber(data, 'yearsOfExperience'),
    consultationFee:
      feeInRupees === undefined ? undefined : { amount: Math.round(feeInRupees * 100), currency: 'INR' },
    city: text('city'),
    // Optional and never cleared once given: blank is "not said", left out.
    gender: optionalText(data, 'gender') as DoctorGender | undefined,
    languages: commaSeparated(data, 'languages'),
    bio: text('bio'),
  };
}
