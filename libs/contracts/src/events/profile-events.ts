import type { EventEnvelope } from './event-envelope';

/**
 * A person changed the name on their profile (doctor-service or patient-service owns it);
 * user-service follows so that the account's name (login answers, the admins' user list) agrees.
 */
export const ProfileEventTypes = {
  doctorRenamed: 'doctor.renamed',
  patientRenamed: 'patient.renamed',
} as const;

export interface ProfileRenamedPayload {
  userId: string;
  fullName: string;
}

export type ProfileRenamedEvent = EventEnvelope<
  (typeof ProfileEventTypes)[keyof typeof ProfileEventTypes],
  ProfileRenamedPayload
>;

/**
 * A patient set or cleared the phone number on their profile (patient-service owns it):
 * notification-service keeps the number its SMS go to. Consumed by notification-service only
 * (bus-principals.ts): the number is in no other service's stream view, and never in a log.
 */
export const PatientContactEventTypes = {
  phoneChanged: 'patient.phone-changed',
} as const;

export interface PatientPhoneChangedPayload {
  userId: string;
  /** The number as the profile now stores it; null when the patient cleared it. */
  phone: string | null;
}

export type PatientPhoneChangedEvent = EventEnvelope<
  typeof PatientContactEventTypes.phoneChanged,
  PatientPhoneChangedPayload
>;
