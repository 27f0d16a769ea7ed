import type { AppointmentStatus, UserRole, WeeklyWindow } from '@arogyam/contracts';

/**
 * What analytics keeps of an event: ids, roles, times, statuses, amounts and stars only. Never a
 * name, email, phone, reason or any clinical text, so nothing here needs erasing with a patient.
 */
export type AnalyticsFact = ConsultationFact | PaymentFact | SignupFact | ReviewFact | ScheduleFact;

/** An appointment as it stood after the event (every appointment event carries all of it). */
export interface ConsultationFact {
  kind: 'consultation';
  appointmentId: string;
  doctorId: string;
  specialty: string;
  startAt: string;
  endAt: string;
  status: AppointmentStatus;
  /** Cancelled by the patient inside the late-cancellation window (the fee is kept). */
  late: boolean;
}

export interface RefundFact {
  refundId: string;
  /** Paise. */
  amount: number;
  at: string;
}

/** A payment as it stood after the event: its amount, when it was paid, and every refund so far. */
export interface PaymentFact {
  kind: 'payment';
  paymentId: string;
  appointmentId: string;
  doctorId: string;
  /** Paise. */
  amount: number;
  paidAt: string;
  refunds: RefundFact[];
}

export interface SignupFact {
  kind: 'signup';
  userId: string;
  role: UserRole;
}

export interface ReviewFact {
  kind: 'review';
  appointmentId: string;
  doctorId: string;
  rating: number;
  at: string;
}

/** A doctor's weekly hours, in force from the event's time until their next schedule. */
export interface ScheduleFact {
  kind: 'schedule';
  doctorId: string;
  timezone: string;
  weekly: WeeklyWindow[];
  unavailableDates: string[];
}
