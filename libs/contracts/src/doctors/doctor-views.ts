import type { Money } from '../common/money';
import type { AccountStatus } from '../identity/user-view';
import type { DoctorDocumentView } from './doctor-documents';
import type { DoctorGender } from './doctor-gender';
import type { VerificationStatus } from './verify-doctor.dto';

/** A search result: what a patient needs to choose a doctor. */
export interface DoctorSummary {
  id: string;
  fullName: string;
  specialization: string;
  city?: string;
  gender?: DoctorGender;
  languages: string[];
  yearsOfExperience: number;
  consultationFee: Money;
  rating: number;
  reviewCount: number;
  qualifications?: string;
  clinic?: ClinicView;
  /** A data URL (see doctor-photo.ts). */
  photo?: string;
  /**
   * The first free slot in the next two weeks, null when there is none: doctor-service's copy
   * (kept from `appointment.next_free_changed`), which the gateway replaces with appointment-service's
   * own answer for the page when it gets one.
   */
  nextAvailableAt?: string | null;
}

export interface ClinicView {
  name: string;
  addressLine: string;
  city: string;
}

/**
 * What anyone may read of a verified doctor (`doctor.profile.get`): the summary plus what a
 * patient checks before booking, without the doctor's email. Admins get the full DoctorProfileView.
 */
export interface DoctorPublicProfileView extends DoctorSummary {
  licenseNumber: string;
  registrationCouncil?: string;
  registrationYear?: number;
  bio?: string;
  verificationStatus: VerificationStatus;
}

export interface DoctorProfileView extends DoctorSummary {
  email: string;
  licenseNumber: string;
  registrationCouncil?: string;
  registrationYear?: number;
  bio?: string;
  verificationStatus: VerificationStatus;
  verificationNote?: string;
  /** Verification documents: the doctor's and admins' views only (always given there). */
  documents?: DoctorDocumentView[];
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
