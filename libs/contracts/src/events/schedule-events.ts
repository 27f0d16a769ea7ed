import type { EventEnvelope } from './event-envelope';
import type { WeeklyWindow } from '../appointments/appointment-views';

/**
 * appointment-service's word that a doctor published (replaced) their weekly hours: the schedule
 * as it stands from then on. Analytics measures utilisation against it.
 */
export const ScheduleEventTypes = {
  published: 'appointment.schedule_published',
} as const;

export interface SchedulePublishedPayload {
  doctorId: string;
  timezone: string;
  slotMinutes: number;
  weekly: WeeklyWindow[];
  /** Local dates (in `timezone`) without hours. */
  unavailableDates: string[];
}

export type SchedulePublishedEvent = EventEnvelope<
  typeof ScheduleEventTypes.published,
  SchedulePublishedPayload
>;
