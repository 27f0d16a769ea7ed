import type { AllergySeverity, BloodGroup } from './medical-profile.dto';

export interface AllergyView {
  substance: string;
  reaction?: string;
  severity?: AllergySeverity;
}

export interface CurrentMedicineView {
  name: string;
  dose?: string;
}

/**
 * A patient's medical profile, for them and for the doctor of one of their appointments. A patient
 * who has never saved one has empty lists and no `updatedAt`.
 */
export interface MedicalProfileView {
  patientId: string;
  allergies: AllergyView[];
  chronicConditions: string[];
  currentMedicines: CurrentMedicineView[];
  bloodGroup?: BloodGroup;
  updatedAt?: string;
}
