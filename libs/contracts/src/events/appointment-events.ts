import type { EventEnvelope } from './event-envelope';
import type {
  AppointmentDoctor,
  AppointmentPatient,
  AppointmentView,
  CallRecordView,
} from '../appointments/appointment-views';

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

/**
 * A video call's record was kept on the appointment (not a change of the appointment's state, so
 * not among the events above that carry the whole appointment): the record and whose it is.
 */
export const AppointmentCallEventTypes = {
  callRecorded: 'appointment.call_recorded',
} as const;

export interface AppointmentCallRecordedPayload {
  appointmentId: string;
  doctor: AppointmentDoctor;
  patient: AppointmentPatient;
  startAt: string;
  endAt: string;
  call: CallRecordView;
}

export type AppointmentCallRecordedEvent = EventEnvelope<
  typeof AppointmentCallEventTypes.callRecorded,
  AppointmentCallRecordedPayload
>;

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
