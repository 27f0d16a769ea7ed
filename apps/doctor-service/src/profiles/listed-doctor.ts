import type { Doctor } from './doctor.schema';

/** Patients see a doctor only once an admin approved them and while their account is active. */
export const LISTED_DOCTOR = { verificationStatus: 'approved', accountStatus: 'active' } as const;

export const isListed = (doctor: Pick<Doctor, 'verificationStatus' | 'accountStatus'>): boolean =>
  doctor.verificationStatus === LISTED_DOCTOR.verificationStatus &&
  doctor.accountStatus === LISTED_DOCTOR.accountStatus;
