import { DateTime } from 'luxon';
import type {
  AnalyticsReportView,
  ConsultationOutcomeRow,
  HourRow,
  Money,
  MoneyRow,
  RatingRow,
  SignupRow,
  SpecialtyRow,
  UtilisationRow,
} from '@arogyam/contracts';
import type { RangeDocuments } from '../read-model/read-model.repository';
import type { PublishedSchedule } from '../read-model/published-schedule.schema';
import { emptyOutcomes, outcomeOf, tookTime } from './consultation-outcome';
import { publishedMinutes } from './published-minutes';
import { localDate, weekOf, type ReportRange } from './report-range';

const inr = (amount: number): Money => ({ amount, currency: 'INR' });
const twoDecimals = (value: number): number => Math.round(value * 100) / 100;
const ratio = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;

/** Rows keyed by period, made for every period of the range so a quiet day shows as zeros. */
function rowsByPeriod<T>(periods: string[], empty: (period: string) => T): Map<string, T> {
  return new Map(periods.map((period) => [period, empty(period)]));
}

/** Every figure of a report, from the read model's documents of its range. Pure: no I/O. */
export function reportFigures(range: ReportRange, documents: RangeDocuments): AnalyticsReportView {
  const weeks = [...new Set(range.dates.map((date) => weekOf(range, date)))];
  const days = rowsByPeriod<ConsultationOutcomeRow>(range.dates, emptyOutcomes);
  const weekRows = rowsByPeriod<ConsultationOutcomeRow>(weeks, emptyOutcomes);
  const hours: HourRow[] = Array.from({ length: 24 }, (_, hour) => ({ hour, consultations: 0 }));
  const specialties = new Map<string, SpecialtyRow>();
  const bookedMinutes = new Map<string, number>();
  const specialtyOfDoctor = new Map<string, string>();

  for (const consultation of documents.consultations) {
    const startAt = new Date(consultation.startAt);
    const date = localDate(range, startAt);
    const outcome = outcomeOf(consultation);
    days.get(date)![outcome] += 1;
    weekRows.get(weekOf(range, date))![outcome] += 1;
    specialtyOfDoctor.set(consultation.doctorId, consultation.specialty);
    if (!tookTime(outcome)) continue;
    hours[DateTime.fromJSDate(startAt, { zone: range.timezone }).hour].consultations += 1;
    const specialty = specialties.get(consultation.specialty) ?? {
      specialty: consultation.specialty,
      consultations: 0,
      completed: 0,
    };
    specialty.consultations += 1;
    if (outcome === 'completed') specialty.completed += 1;
    specialties.set(consultation.specialty, specialty);
    const minutes = (new Date(consultation.endAt).getTime() - startAt.getTime()) / 60_000;
    bookedMinutes.set(consultation.doctorId, (bookedMinutes.get(consultation.doctorId) ?? 0) + minutes);
  }

  const money = rowsByPeriod<MoneyRow>(range.dates, (period) => ({
    period,
    revenue: inr(0),
    refunds: inr(0),
    net: inr(0),
  }));
  for (const payment of documents.payments) {
    const row = money.get(localDate(range, new Date(payment.paidAt)))!;
    row.revenue.amount += payment.amount;
    row.net.amount += payment.amount;
  }
  for (const refund of documents.refunds) {
    const row = money.get(localDate(range, new Date(refund.at)))!;
    row.refunds.amount += refund.amount;
    row.net.amount -= refund.amount;
  }

  const signups = rowsByPeriod<SignupRow>(range.dates, (period) => ({ period, patients: 0, doctors: 0 }));
  for (const signup of documents.signups) {
    const row = signups.get(localDate(range, new Date(signup.at)))!;
    if (signup.role === 'patient') row.patients += 1;
    if (signup.role === 'doctor') row.doctors += 1;
  }

  const schedulesOf = new Map<string, PublishedSchedule[]>();
  for (const schedule of documents.schedules)
    schedulesOf.set(schedule.doctorId, [...(schedulesOf.get(schedule.doctorId) ?? []), schedule]);
  const utilisation: UtilisationRow[] = [...new Set([...schedulesOf.keys(), ...bookedMinutes.keys()])]
    .map((doctorId) => {
      const published = publishedMinutes(schedulesOf.get(doctorId) ?? [], range.start, range.end);
      const booked = Math.round(bookedMinutes.get(doctorId) ?? 0);
      return {
        doctorId,
        specialty: specialtyOfDoctor.get(doctorId) ?? '',
        publishedMinutes: published,
        bookedMinutes: booked,
        utilisation: ratio(booked, published),
      };
    })
    .filter((row) => row.publishedMinutes > 0 || row.bookedMinutes > 0)
    .sort((a, b) => (b.utilisation ?? -1) - (a.utilisation ?? -1) || a.doctorId.localeCompare(b.doctorId));

  const starsOf = new Map<string, { reviews: number; stars: number }>();
  for (const rating of documents.ratings) {
    const doctor = starsOf.get(rating.doctorId) ?? { reviews: 0, stars: 0 };
    doctor.reviews += 1;
    doctor.stars += rating.stars;
    starsOf.set(rating.doctorId, doctor);
  }
  const ratings: RatingRow[] = [...starsOf.entries()]
    .map(([doctorId, { reviews, stars }]) => ({
      doctorId,
      specialty: specialtyOfDoctor.get(doctorId) ?? '',
      reviews,
      averageRating: twoDecimals(stars / reviews),
    }))
    .sort(
      (a, b) =>
        b.reviews - a.reviews || b.averageRating - a.averageRating || a.doctorId.localeCompare(b.doctorId),
    );

  const dayRows = [...days.values()];
  const moneyRows = [...money.values()];
  const sum = <T>(rows: T[], of: (row: T) => number): number =>
    rows.reduce((total, row) => total + of(row), 0);
  const measured = utilisation.filter((row) => row.publishedMinutes > 0);
  const reviews = documents.ratings.length;
  return {
    from: range.from,
    to: range.to,
    timezone: range.timezone,
    summary: {
      consultations: documents.consultations.length,
      completed: sum(dayRows, (row) => row.completed),
      cancelled: sum(dayRows, (row) => row.cancelled),
      lateCancelled: sum(dayRows, (row) => row.lateCancelled),
      noShow: sum(dayRows, (row) => row.noShow),
      open: sum(dayRows, (row) => row.open),
      revenue: inr(sum(moneyRows, (row) => row.revenue.amount)),
      refunds: inr(sum(moneyRows, (row) => row.refunds.amount)),
      net: inr(sum(moneyRows, (row) => row.net.amount)),
      newPatients: sum([...signups.values()], (row) => row.patients),
      newDoctors: sum([...signups.values()], (row) => row.doctors),
      reviews,
      averageRating: reviews > 0 ? twoDecimals(sum(documents.ratings, (row) => row.stars) / reviews) : null,
      utilisation: ratio(
        sum(measured, (row) => row.bookedMinutes),
        sum(measured, (row) => row.publishedMinutes),
      ),
    },
    days: dayRows,
    weeks: [...weekRows.values()],
    money: moneyRows,
    signups: [...signups.values()],
    specialties: [...specialties.values()].sort(
      (a, b) => b.consultations - a.consultations || a.specialty.localeCompare(b.specialty),
    ),
    hours,
    utilisation,
    ratings,
  };
}
