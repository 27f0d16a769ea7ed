import type { EventEnvelope } from './event-envelope';
import type { VerificationDecision } from '../doctors/verify-doctor.dto';

export const DoctorEventTypes = {
  verified: 'doctor.verified',
} as const;

export interface DoctorVerifiedPayload {
  doctorId: string;
  decision: VerificationDecision;
  note?: string;
  decidedBy: string;
}

export type DoctorVerifiedEvent = EventEnvelope<typeof DoctorEventTypes.verified, DoctorVerifiedPayload>;
