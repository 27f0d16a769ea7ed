import { optionalNumber, optionalText, rawText } from '@arogyam/ui';

/** Names of the licence fields (also the API's names). */
export const LICENCE_FIELDS = ['licenseNumber', 'registrationCouncil', 'registrationYear'] as const;

/** Reads the licence details as the API expects them; blank council or year are left out. */
export function readLicenceDetails(data: FormData): {
  licenseNumber: string;
  registrationCouncil?: string;
  registrationYear?: number;
} {
  return {
    licenseNumber: rawText(data, 'licenseNumber').trim(),
    registrationCouncil: optionalText(data, 'registrationCouncil'),
    registrationYear: optionalNumber(data, 'registrationYear'),
  };
}
