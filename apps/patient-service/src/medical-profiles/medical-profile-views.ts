import type { MedicalProfileView } from '@arogyam/contracts';
import type { MedicalProfile } from './medical-profile.schema';

/** A stored profile as the API shows it; `null` (never saved) is an empty one. */
export const toMedicalProfileView = (
  patientId: string,
  profile: MedicalProfile | null,
): MedicalProfileView => ({
  patientId,
  allergies: (profile?.allergies ?? []).map(({ substance, reaction, severity }) => ({
    substance,
    ...(reaction ? { reaction } : {}),
    ...(severity ? { severity } : {}),
  })),
  chronicConditions: profile?.chronicConditions ?? [],
  currentMedicines: (profile?.currentMedicines ?? []).map(({ name, dose }) => ({
    name,
    ...(dose ? { dose } : {}),
  })),
  ...(profile?.bloodGroup ? { bloodGroup: profile.bloodGroup } : {}),
  ...(profile ? { updatedAt: new Date(profile.updatedAt).toISOString() } : {}),
});
