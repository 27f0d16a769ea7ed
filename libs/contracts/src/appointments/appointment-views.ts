import type { PaymentStatus } from '../payments/payment-views';
import type { CallOutcome, CallParty } from '../events/video-events';
import type { UserRole } from '../identity/user-view';

export const APPOINTMENT_MODES = ['video', 'chat', 'in_person'] as const;
export type AppointmentMode = (typeof APPOINTMENT_MODES)[number];

export const APPOINTMENT_STATUSES = [
  'booked',
  'checked_in',
  'in_consultation',
  'completed',
  'cancelled',
  'no_show',
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** The statuses in which an appointment holds its slot (and its patient's time). */
export const ACTIVE_APPOINTMENT_STATUSES = ['booked', 'checked_in', 'in_consultation'] as const;

export interface AppointmentDoctor {
  id: string;
  fullName: string;
  specialization: string;
}

export interface AppointmentPatient {
  id: string;
  fullName: string;
}

/** API.md's appointment; every `evt.appointment.*` event carries it as its payload. */
export interface AppointmentView {
  id: string;
  doctorId: string;
  patientId: string;
  doctor: AppointmentDoctor;
  patient: AppointmentPatient;
  startAt: string;
  endAt: string;
  mode: AppointmentMode;
  reason?: string;
  status: AppointmentStatus;
  createdAt: string;
  /** Set on a cancellation: whether it came inside the late-cancellation window. */
  cancelledLate?: boolean;
  /** Set on a cancellation: the role of who cancelled (a late cancellation by the patient is not refunded). */
  cancelledBy?: UserRole;
  cancellationReason?: string;
  /** The last answered video call of a video appointment, once it ended. */
  call?: AppointmentCallView;
  /** Every video call of the appointment, answered or not, oldest first (docs/api.md, "Call records"). */
  calls?: CallRecordView[];
  /** While the patient is in the video waiting room: since when. */
  waitingSince?: string;
}

/** One video call of an appointment: when the doctor rang, whether and when it connected, how it ended. */
export interface CallRecordView {
  id: string;
  outcome: CallOutcome;
  ringingAt: string;
  /** When it connected (the patient answered or was admitted); absent for missed and declined calls. */
  startedAt?: string;
  endedAt: string;
  /** Connected time, start → end; 0 for a call that never connected. */
  durationSeconds: number;
  /** Who was in the call. */
  joined: CallParty[];
}

export interface AppointmentCallView {
  startedAt: string;
  endedAt: string;
  durationSeconds: number;
}

export interface SlotView {
  startAt: string;
  endAt: string;
  /** False for a slot that has started or is held by an active appointment. */
  available: boolean;
}

export interface SlotListView {
  slots: SlotView[];
}

/** `appointment.slot.next_free`: per doctor asked for, the start of the first free slot, or null. */
export interface NextFreeSlotsView {
  nextFree: Record<string, string | null>;
  /** How far ahead was looked: null means nothing free that soon. */
  lookaheadDays: number;
}

/** `GET /api/appointments/policy`: what patients are told before they book or cancel. */
export interface BookingPolicyView {
  /** A patient's cancellation this close to the start is late: the fee is kept (payment-service). */
  lateCancellationHours: number;
  /** How far ahead a slot can be booked. */
  bookingHorizonDays: number;
  /** How long after the last completed consultation a doctor may still read what the patient shares with all their doctors. */
  careRelationshipDays: number;
}

export interface WeeklyWindow {
  weekday: number;
  start: string;
  end: string;
}

export interface AvailabilityView {
  doctorId: string;
  timezone: string;
  slotMinutes: number;
  weekly: WeeklyWindow[];
  exceptions: { date: string; unavailable: true }[];
}

/** A doctor's day in their own time zone, in start order. */
export interface AppointmentQueueView {
  date: string;
  timezone: string;
  items: QueueEntryView[];
}

/**
 * One appointment of a doctor's day. `paymentStatus` is added by the gateway from payment-service
 * (`unpaid` when no payment was started); absent when payment-service did not answer.
 */
export interface QueueEntryView extends AppointmentView {
  paymentStatus?: PaymentStatus | 'unpaid';
}

export interface PatientAppointmentsDashboardView {
  /** The next five active appointments, soonest first. */
  upcomingAppointments: AppointmentView[];
}

export interface DoctorAppointmentsDashboardView {
  upcomingCount: number;
  todayQueue: { total: number; waiting: number; completed: number };
}

/** The latest version of an appointment's SOAP notes. */
export interface ClinicalNotesView {
  appointmentId: string;
  subjective: string;
  objective: string;
  assessment: string;
  plan: string;
  sharedWithPatient: boolean;
  version: number;
  updatedAt: string;
}
