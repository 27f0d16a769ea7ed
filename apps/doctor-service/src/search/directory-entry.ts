import type { Doctor } from '../profiles/doctor.schema';
import { DOCTOR_SUMMARY_FIELDS, type DoctorSummaryFields } from '../profiles/doctor-views';

/** What the search directory keeps per listed doctor: the search result plus its search keys. */
export type DirectoryEntry = DoctorSummaryFields &
  Pick<Doctor, 'specializationKey' | 'cityKey' | 'languageKeys' | 'nameKeys'>;

export const DIRECTORY_FIELDS = {
  ...DOCTOR_SUMMARY_FIELDS,
  specializationKey: 1,
  cityKey: 1,
  languageKeys: 1,
  nameKeys: 1,
} as const;
