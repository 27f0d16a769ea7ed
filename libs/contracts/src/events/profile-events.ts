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
