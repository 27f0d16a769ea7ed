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

// Availability and appointments. Instants are ISO-8601 UTC; the SPAs show them in the viewer's zone.

/** ISO weekday: Monday 1 … Sunday 7. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface WeeklyWindow {
  weekday: Weekday;
  /** 'HH:mm' in the availability's own time zone. */
  start: string;
  end: string;
}

export interface AvailabilityException {
  /** YYYY-MM-DD */
  date: string;
  unavailable: true;
}

/** A doctor's working hours (GET /api/doctors/:id/availability, PUT /api/doctors/me/availability). */
export interface Availability {
  /** IANA zone the weekly hours are in, e.g. 'Asia/Kolkata'. */
  timezone: string;
  slotMinutes: number;
  weekly: WeeklyWindow[];
  exceptions?: AvailabilityException[];
}

export interface Slot {
  startAt: string;
  endAt: string;
  available: boolean;
}

export type AppointmentMode = 'video' | 'chat' | 'in_person';

export type AppointmentStatus =
  'booked' | 'checked_in' | 'in_consultation' | 'completed' | 'cancelled' | 'no_show';

/** The statuses a doctor (or, for `checked_in`, a patient) may ask to move an appointment to. */
export type AppointmentStatusChange = 'checked_in' | 'in_consultation' | 'completed' | 'no_show';

export interface Appointment {
  id: string;
  doctorId: string;
  patientId: string;
  doctor: { id: string; fullName: string; specialization: string };
  patient: { id: string; fullName: string };
  startAt: string;
  endAt: string;
  mode: AppointmentMode;
  reason?: string;
  status: AppointmentStatus;
  createdAt: string;
  /** Set when a cancellation came too close to the start time. */
  cancelledLate?: boolean;
  cancellationReason?: string;
}

/** One entry of a doctor's day (GET /api/doctors/me/queue). */
export type QueueEntry = Appointment;

/** A doctor's day, in their own time zone, in start order. */
export interface AppointmentQueue {
  date: string;
  timezone: string;
  items: QueueEntry[];
}

export interface NewAppointment {
  doctorId: string;
  startAt: string;
  mode: AppointmentMode;
  reason?: string;
}

/** SOAP notes of a consultation; the patient sees them only once shared. */
export interface ClinicalNotes {
  subjective: string;
  objective: string;
  assessment: string;
  plan: string;
  sharedWithPatient: boolean;
  version?: number;
  updatedAt?: string;
}

/** What PUT /api/appointments/:id/notes takes. */
export type ClinicalNotesChanges = Omit<ClinicalNotes, 'version' | 'updatedAt'>;

// Prescriptions.

export interface PrescriptionItem {
  drug: string;
  dose: string;
  frequency: string;
  durationDays: number;
  instructions?: string;
}

export interface Prescription {
  id: string;
  appointmentId: string;
  doctor: { id: string; fullName: string; specialization: string; licenseNumber: string };
  patient: { id: string; fullName: string };
  items: PrescriptionItem[];
  advice?: string;
  version: number;
  /** The prescription this one replaces, when it was reissued. */
  supersedesId?: string;
  verificationCode: string;
  issuedAt: string;
}

export interface NewPrescription {
  appointmentId: string;
  items: PrescriptionItem[];
  advice?: string;
}

/** A list answer: some list routes answer with a bare array, paged ones with `{items, …}`. */
