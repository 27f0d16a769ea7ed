import type { Money } from '../common/money';

/** Consultations of one day or week by what became of them (their latest status). */
export interface ConsultationOutcomeRow {
  /** The local date (`YYYY-MM-DD`); for a week, its Monday (or the range's first day). */
  period: string;
  completed: number;
  cancelled: number;
  lateCancelled: number;
  noShow: number;
  /** Booked and not yet completed, cancelled or marked no-show. */
  open: number;
}

export interface MoneyRow {
  period: string;
  /** Payments taken that day (by when they were paid). */
  revenue: Money;
  /** Refunds given that day (by when they were given), of payments of any day. */
  refunds: Money;
  net: Money;
}

export interface SignupRow {
  period: string;
  patients: number;
  doctors: number;
}

export interface SpecialtyRow {
  specialty: string;
  /** Consultations not cancelled (held, open or missed). */
  consultations: number;
  completed: number;
}

export interface HourRow {
  /** The hour of the day (0–23) in the report's zone. */
  hour: number;
  consultations: number;
}

export interface UtilisationRow {
  doctorId: string;
  /** Added by the gateway from doctor-service (analytics keeps no names); absent if it could not say. */
  doctorName?: string;
  specialty: string;
  /** Minutes of published hours within the range. */
  publishedMinutes: number;
  /** Minutes of consultations booked within the range and not cancelled. */
  bookedMinutes: number;
  /** bookedMinutes / publishedMinutes, or null without published hours. */
  utilisation: number | null;
}

export interface RatingRow {
  doctorId: string;
  /** As in UtilisationRow. */
  doctorName?: string;
  specialty: string;
  reviews: number;
  /** Mean stars, two decimals. */
  averageRating: number;
}

export interface AnalyticsSummary {
  consultations: number;
  completed: number;
  cancelled: number;
  lateCancelled: number;
  noShow: number;
  open: number;
  revenue: Money;
  refunds: Money;
  net: Money;
  newPatients: number;
  newDoctors: number;
  reviews: number;
  /** Mean stars of the range's reviews, or null without any. */
  averageRating: number | null;
  /** Booked against published minutes of every doctor, or null without published hours. */
  utilisation: number | null;
}

/** `GET /api/admin/analytics`. */
export interface AnalyticsReportView {
  from: string;
  to: string;
  timezone: string;
  summary: AnalyticsSummary;
  days: ConsultationOutcomeRow[];
  weeks: ConsultationOutcomeRow[];
  money: MoneyRow[];
  signups: SignupRow[];
  specialties: SpecialtyRow[];
  hours: HourRow[];
  utilisation: UtilisationRow[];
  ratings: RatingRow[];
}

/** `POST /api/admin/analytics/rebuild`. */
export interface AnalyticsRebuildView {
  /** Events replayed from analytics-service's event log. */
  replayed: number;
  tookMs: number;
}
