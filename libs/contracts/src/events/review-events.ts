import type { EventEnvelope } from './event-envelope';

/** doctor-service's word that a patient reviewed a consultation; the stars only, never the comment or a name. */
export const ReviewEventTypes = {
  submitted: 'doctor.review_submitted',
} as const;

export interface ReviewSubmittedPayload {
  /** The reviewed appointment's id (a review's id). */
  appointmentId: string;
  doctorId: string;
  rating: number;
  submittedAt: string;
}

export type ReviewSubmittedEvent = EventEnvelope<typeof ReviewEventTypes.submitted, ReviewSubmittedPayload>;
