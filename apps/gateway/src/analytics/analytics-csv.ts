import type { AnalyticsReportView, AnalyticsTable, ConsultationOutcomeRow, Money } from '@arogyam/contracts';
import { csvLine } from '../http/csv-field';

/** Rupees with two decimals (amounts travel in paise). */
const rupees = (money: Money): string => (money.amount / 100).toFixed(2);

type Cell = string | number | null | undefined;

const outcomeRows = (period: string, rows: ConsultationOutcomeRow[]): Cell[][] => [
  [period, 'completed', 'cancelled', 'late_cancelled', 'no_show', 'open'],
  ...rows.map((row) => [row.period, row.completed, row.cancelled, row.lateCancelled, row.noShow, row.open]),
];

/** Each table's header and rows, in the report's order. */
const TABLES: { [T in AnalyticsTable]: (report: AnalyticsReportView) => Cell[][] } = {
  days: (report) => outcomeRows('date', report.days),
  weeks: (report) => outcomeRows('week_from', report.weeks),
  money: (report) => [
    ['date', 'revenue_inr', 'refunds_inr', 'net_inr'],
    ...report.money.map((row) => [row.period, rupees(row.revenue), rupees(row.refunds), rupees(row.net)]),
  ],
  signups: (report) => [
    ['date', 'new_patients', 'new_doctors'],
    ...report.signups.map((row) => [row.period, row.patients, row.doctors]),
  ],
  specialties: (report) => [
    ['specialty', 'consultations', 'completed'],
    ...report.specialties.map((row) => [row.specialty, row.consultations, row.completed]),
  ],
  hours: (report) => [['hour', 'consultations'], ...report.hours.map((row) => [row.hour, row.consultations])],
  utilisation: (report) => [
    ['doctor_id', 'doctor', 'specialty', 'published_minutes', 'booked_minutes', 'utilisation'],
    ...report.utilisation.map((row) => [
      row.doctorId,
      row.doctorName,
      row.specialty,
      row.publishedMinutes,
      row.bookedMinutes,
      row.utilisation,
    ]),
  ],
  ratings: (report) => [
    ['doctor_id', 'doctor', 'specialty', 'reviews', 'average_rating'],
    ...report.ratings.map((row) => [
      row.doctorId,
      row.doctorName,
      row.specialty,
      row.reviews,
      row.averageRating,
    ]),
  ],
};

/** One table of a report as CSV, header first. */
export const analyticsCsv = (report: AnalyticsReportView, table: AnalyticsTable): string =>
  TABLES[table](report).map(csvLine).join('');
