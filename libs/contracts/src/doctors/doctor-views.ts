import type { Money } from '../common/money';
import type { AccountStatus } from '../identity/user-view';
import type { DoctorProfileFieldsDto } from './doctor-profile-fields.dto';
import type { VerificationStatus } from './verify-doctor.dto';

/** A search result: what a patient needs to choose a doctor. */
export interface DoctorSummary {
  id: string;
  fullName: string;
  specialization: string;
  city?: string;
  languages: string[];
  yearsOfExperience: number;
  consultationFee: Money;
  rating: number;
  reviewCount: number;
}

export interface DoctorProfileView extends DoctorSummary {
  email: string;
  licenseNumber: string;
  bio?: string;
  verificationStatus: VerificationStatus;
  verificationNote?: string;
  accountStatus: AccountStatus;
  createdAt: string;
}

export interface DoctorDashboardView {
  verificationStatus: VerificationStatus;
  rating: number;
  reviewCount: number;
  upcomingCount: number;
  todayQueue: { total: number; waiting: number; completed: number };
}

/** `doctor.profile.create`: idempotent, keyed by the user id. */
export interface CreateDoctorProfileMessage extends DoctorProfileFieldsDto {
  userId: string;
  email: string;
  fullName: string;
}
