import { optionalText, rawText, type Gender, type PatientRegistration } from '@arogyam/ui';

/** Names of the personal fields shared by registration and profile editing (also the API's names). */
export const PERSONAL_FIELDS = ['fullName', 'phone', 'dateOfBirth', 'gender'] as const;

/** A patient's own details: what registration asks beside the account, and what the profile edits. */
export type PersonalDetails = Omit<PatientRegistration, 'email' | 'password' | 'privacyNoticeVersion'>;

/** Reads the personal fields as the API expects them; blank optional fields are left out. */
export function readPersonalDetails(data: FormData): PersonalDetails {
  return {
    fullName: rawText(data, 'fullName').trim(),
    phone: optionalText(data, 'phone'),
    dateOfBirth: optionalText(data, 'dateOfBirth'),
    gender: optionalText(data, 'gender') as Gender | undefined,
  };
}
