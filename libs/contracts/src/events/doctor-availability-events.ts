import type { EventEnvelope } from './event-envelope';

/**
 * appointment-service's word that a doctor's first free slot may have moved (a booking, a
 * cancellation, a reschedule, a new schedule): what it is now. doctor-service keeps it on the
 * doctor, so search can filter and sort by it without asking appointment-service per doctor.
 */
export const DoctorAvailabilityEventTypes = {
  nextFreeChanged: 'appointment.next_free_changed',
} as const;

export interface DoctorNextFreeChangedPayload {
  doctorId: string;
  /** The first free slot's start within the lookahead (ISO instant), or null when there is none. */
  nextFreeAt: string | null;
  /** When it was computed (ISO instant): of two answers, the later computed stands. */
  computedAt: string;
}

export type DoctorNextFreeChangedEvent = EventEnvelope<
  typeof DoctorAvailabilityEventTypes.nextFreeChanged,
  DoctorNextFreeChangedPayload
>;
