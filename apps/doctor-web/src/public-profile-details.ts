import { rawText, type DoctorProfileChanges } from '@arogyam/ui';

/** The fields of what patients see beside the practice details: degrees, clinic and photo. */
export const PUBLIC_PROFILE_FIELDS = ['qualifications', 'clinic', 'photo'] as const;

/**
 * Blank degrees or photo are sent as empty text, which clears them; the clinic is sent once any of
 * its three fields is filled (the API then asks for all three).
 */
export function readPublicProfileDetails(data: FormData): DoctorProfileChanges {
  const clinic = {
    name: rawText(data, 'clinic.name').trim(),
    addressLine: rawText(data, 'clinic.addressLine').trim(),
    city: rawText(data, 'clinic.city').trim(),
  };
  return {
    qualifications: rawText(data, 'qualifications').trim(),
    photo: rawText(data, 'photo'),
    ...(clinic.name || clinic.addressLine || clinic.city ? { clinic } : {}),
  };
}
