/** A doctor's gender as patients may filter on it: many patients prefer a doctor of their own. */
export const DOCTOR_GENDERS = ['female', 'male', 'other'] as const;
export type DoctorGender = (typeof DOCTOR_GENDERS)[number];
