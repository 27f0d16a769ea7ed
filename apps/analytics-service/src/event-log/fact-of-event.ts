import {
  AppointmentEventTypes,
  PaymentEventTypes,
  ReviewEventTypes,
  ScheduleEventTypes,
  UserEventTypes,
  type AppointmentView,
  type EventEnvelope,
  type PaymentEventPayload,
  type ReviewSubmittedPayload,
  type SchedulePublishedPayload,
  type UserRegisteredPayload,
} from '@arogyam/contracts';
import type { AnalyticsFact } from './analytics-fact';

const consultation = (appointment: AppointmentView): AnalyticsFact => ({
  kind: 'consultation',
  appointmentId: appointment.id,
  doctorId: appointment.doctorId,
  specialty: appointment.doctor.specialization,
  startAt: appointment.startAt,
  endAt: appointment.endAt,
  status: appointment.status,
  // Late as the booking policy means it: the patient's cancellation inside the window (fee kept);
  // a doctor's or admin's cancellation is a cancellation, however close to the start.
  late:
    appointment.status === 'cancelled' &&
    appointment.cancelledLate === true &&
    appointment.cancelledBy === 'patient',
});

const payment = (event: EventEnvelope): AnalyticsFact => {
  const paid = event.payload as PaymentEventPayload;
  return {
    kind: 'payment',
    paymentId: paid.id,
    appointmentId: paid.appointmentId,
    doctorId: paid.doctorId,
    amount: paid.amount.amount,
    // A payment event is of a paid payment; its paidAt is set then (the event's time otherwise).
    paidAt: paid.paidAt ?? event.occurredAt,
    refunds: (paid.refunds ?? []).map((refund) => ({
      refundId: refund.id,
      amount: refund.amount.amount,
      at: refund.refundedAt,
    })),
  };
};

/**
 * The fact analytics keeps of an event it consumes (the fields it counts with, copied one by one,
 * so a field added to a payload later is not kept by accident).
 */
export function factOfEvent(event: EventEnvelope): AnalyticsFact {
  switch (event.type) {
    case AppointmentEventTypes.booked:
    case AppointmentEventTypes.rescheduled:
    case AppointmentEventTypes.cancelled:
    case AppointmentEventTypes.statusChanged:
    case AppointmentEventTypes.completed:
      return consultation(event.payload as AppointmentView);
    case PaymentEventTypes.succeeded:
    case PaymentEventTypes.refunded:
      return payment(event);
    case UserEventTypes.registered: {
      const { userId, role } = event.payload as UserRegisteredPayload;
      return { kind: 'signup', userId, role };
    }
    case ReviewEventTypes.submitted: {
      const { appointmentId, doctorId, rating, submittedAt } = event.payload as ReviewSubmittedPayload;
      return { kind: 'review', appointmentId, doctorId, rating, at: submittedAt };
    }
    case ScheduleEventTypes.published: {
      const { doctorId, timezone, weekly, unavailableDates } = event.payload as SchedulePublishedPayload;
      return {
        kind: 'schedule',
        doctorId,
        timezone,
        weekly: weekly.map(({ weekday, start, end }) => ({ weekday, start, end })),
        unavailableDates: [...unavailableDates],
      };
    }
    default:
      throw new Error(`analytics-service does not count ${event.type}`);
  }
}

/** The event types analytics counts. */
export const COUNTED_EVENT_TYPES: readonly string[] = [
  ...Object.values(AppointmentEventTypes),
  PaymentEventTypes.succeeded,
  PaymentEventTypes.refunded,
  UserEventTypes.registered,
  ReviewEventTypes.submitted,
  ScheduleEventTypes.published,
];
