// Bodies of the gateway's public REST contract (/work/shared/API.md), as the SPAs see them.

export type Role = 'patient' | 'doctor' | 'admin';
export type AccountStatus = 'active' | 'suspended';
export type VerificationStatus = 'pending' | 'approved' | 'rejected';
export type Gender = 'female' | 'male' | 'other' | 'undisclosed';

export interface User {
  id: string;
  role: Role;
  email: string;
  fullName: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

export interface AuthResult extends TokenPair {
  user: User;
}

export interface Credentials {
  email: string;
  password: string;
}

/** Money travels as integer minor units (paise) so no rupee amount is ever rounded by a float. */
export interface Money {
  amount: number;
  currency: 'INR';
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}

// Doctors. A doctor's id is the id of its user account.

export interface DoctorSummary {
  id: string;
  fullName: string;
  specialization: string;
  city: string;
  languages: string[];
  yearsOfExperience: number;
  consultationFee: Money;
  rating: number;
  reviewCount: number;
}

/** What GET /api/doctors/:id shows to patients; the bio is the only addition to the search card. */
export interface PublicDoctorProfile extends DoctorSummary {
  bio?: string;
}

export interface DoctorProfile extends DoctorSummary {
  email: string;
  licenseNumber: string;
  bio: string;
  verificationStatus: VerificationStatus;
  verificationNote?: string;
  accountStatus: AccountStatus;
  createdAt: string;
}

export interface DoctorSearchQuery {
  specialization?: string;
  city?: string;
  language?: string;
  q?: string;
  page?: number;
  limit?: number;
}

/** The part of a doctor's profile the doctor may edit (PATCH /api/doctors/me). */
export interface DoctorProfileChanges {
  fullName?: string;
  specialization?: string;
  city?: string;
  languages?: string[];
  bio?: string;
  yearsOfExperience?: number;
  consultationFee?: Money;
}

export interface DoctorRegistration extends Credentials, DoctorProfileChanges {
  licenseNumber?: string;
}

export interface DoctorDashboard {
  verificationStatus: VerificationStatus;
  rating: number;
  reviewCount: number;
  upcomingCount: number;
  todayQueue: {
    total: number;
    waiting: number;
    completed: number;
  };
}

// Patients.

export interface PatientProfile {
  id: string;
  email: string;
  fullName: string;
  phone?: string;
  /** YYYY-MM-DD */
  dateOfBirth?: string;
  gender?: Gender;
  createdAt: string;
}

/** The part of a patient's profile the patient may edit (PATCH /api/patients/me). */
export interface PatientProfileChanges {
  fullName?: string;
  phone?: string;
  dateOfBirth?: string;
  gender?: Gender;
}

export interface PatientRegistration extends Credentials, PatientProfileChanges {}

export interface PatientDashboard {
  upcomingAppointments: unknown[];
  recentPrescriptions: unknown[];
  unreadMessages: number;
}

// Administration.

export interface AdminUser {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  status: AccountStatus;
  createdAt: string;
}

export interface VerificationDecision {
  decision: 'approved' | 'rejected';
  note?: string;
}
