import type { Money } from '../common/money';
import type { AppointmentStatus } from '../appointments/appointment-views';
import type { PaymentStatus } from './payment-views';

/** A consultation's money: `unpaid` when no payment was made (none started, or not completed). */
export type EarningsPaymentStatus = PaymentStatus | 'unpaid';

/**
 * One consultation's figures. `fee` is what was charged, or for an unpaid one the doctor's fee
 * now; `net` is paid less refunded; `unpaid` is the fee of a consultation nobody has paid for.
 */
export interface EarningsFigures {
  consultations: number;
  fee: Money;
  paid: Money;
  refunded: Money;
  net: Money;
  unpaid: Money;
}

/** One consultation of the doctor: no patient, nothing clinical, only its time and its money. */
export interface EarningsConsultationView extends Omit<EarningsFigures, 'consultations'> {
  appointmentId: string;
  startAt: string;
  appointmentStatus: AppointmentStatus;
  paymentStatus: EarningsPaymentStatus;
}

/** The totals of a week (`period`: its Monday, YYYY-MM-DD) or of a month (`period`: YYYY-MM), in the doctor's zone. */
export interface EarningsPeriodView extends EarningsFigures {
  period: string;
}

/** `GET /api/doctors/me/earnings`. */
export interface EarningsView {
  timezone: string;
  /** The days covered, both included, in `timezone`. */
  from: string;
  to: string;
  totals: EarningsFigures;
  /** Weeks (Monday to Sunday) and months that hold a consultation, oldest first. */
  weeks: EarningsPeriodView[];
  months: EarningsPeriodView[];
  /** Oldest first. */
  consultations: EarningsConsultationView[];
}
