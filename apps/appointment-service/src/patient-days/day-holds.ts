import { utcDaysBetween } from '@arogyam/persistence';
import type { AppointmentTime } from '../appointments/appointment.repository';
import { isActive } from '../appointments/status-machine';
import type { PatientHold } from './patient-day.schema';

/**
 * A hold younger than this may belong to a booking (or reschedule) whose appointment write is
 * still in flight: it counts whatever the appointments say. Writes take milliseconds.
 */
export const IN_FLIGHT_MS = 30_000;

/** The time an appointment of a patient holds. */
export interface PatientTime {
  appointmentId: string;
  patientId: string;
  startAt: Date;
  endAt: Date;
}

interface Span {
  startAt: Date;
  endAt: Date;
}

export const overlaps = (a: Span, b: Span): boolean =>
  a.startAt.getTime() < b.endAt.getTime() && b.startAt.getTime() < a.endAt.getTime();

const sameSpan = (a: Span, b: Span): boolean =>
  a.startAt.getTime() === b.startAt.getTime() && a.endAt.getTime() === b.endAt.getTime();

/** The UTC days the time touches: each holds it, so two overlapping times always share a day. */
export const daysOf = (time: Span): string[] => utcDaysBetween(time.startAt, time.endAt);

/** Whether `hold` is this appointment's hold of exactly this time. */
export const isHoldOf = (hold: PatientHold, time: PatientTime): boolean =>
  hold.appointmentId === time.appointmentId && sameSpan(hold, time);

export const isInFlight = (hold: PatientHold, now: Date): boolean =>
  now.getTime() - hold.heldAt.getTime() < IN_FLIGHT_MS;

/**
 * Whether the stored appointment still needs the hold: it exists, is active and still has that
 * time. Otherwise the hold is stale (a crash between the hold and the appointment's write, or a
 * release that did not happen) and may be dropped.
 */
export const stillHolds = (appointment: AppointmentTime | null, hold: PatientHold): boolean =>
  appointment !== null && isActive(appointment.status) && sameSpan(appointment, hold);
