import type { EventEnvelope } from './event-envelope';
import type { AppointmentView } from '../appointments/appointment-views';

/**
 * One event per change, named after what happened; each carries the appointment as it stands
 * after the change. `status_changed` covers check-in, start of consultation and no-show;
 * cancellations and completions have their own facts because other services act on them
 * (refunds, reminders, prescriptions).
 */
export const AppointmentEventTypes = {
  booked: 'appointment.booked',
  rescheduled: 'appointment.rescheduled',
  cancelled: 'appointment.cancelled',
  statusChanged: 'appointment.status_changed',
  completed: 'appointment.completed',
} as const;

export type AppointmentEventType = (typeof AppointmentEventTypes)[keyof typeof AppointmentEventTypes];

export type AppointmentEvent<TType extends AppointmentEventType = AppointmentEventType> = EventEnvelope<
  TType,
  AppointmentView
>;
export type AppointmentBookedEvent = AppointmentEvent<typeof AppointmentEventTypes.booked>;
export type AppointmentRescheduledEvent = AppointmentEvent<typeof AppointmentEventTypes.rescheduled>;
export type AppointmentCancelledEvent = AppointmentEvent<typeof AppointmentEventTypes.cancelled>;
export type AppointmentStatusChangedEvent = AppointmentEvent<typeof AppointmentEventTypes.statusChanged>;
export type AppointmentCompletedEvent = AppointmentEvent<typeof AppointmentEventTypes.completed>;
