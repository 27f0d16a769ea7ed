import { DateTime } from 'luxon';
import type {
  AppointmentStatus,
  Currency,
  DoctorConsultation,
  EarningsConsultationView,
  EarningsFigures,
  EarningsPeriodView,
  Money,
  PaymentStatus,
} from '@arogyam/contracts';
import type { StoredPayment } from '../payments/payment.schema';
import { refundedOf } from '../refunds/refund-balance';

/** A payment that took the money (some or all of it may have been given back since). */
const TOOK_MONEY: readonly PaymentStatus[] = ['paid', 'partially_refunded', 'refunded'];

/** A consultation the doctor is owed for: it is to come, under way or done (not cancelled, not missed). */
const OWED: readonly AppointmentStatus[] = ['booked', 'checked_in', 'in_consultation', 'completed'];

/** The payment that counts for an appointment: the one that took the money, else the latest attempt. */
export function countingPayment(payments: StoredPayment[]): StoredPayment | undefined {
  const took = payments.find((payment) => TOOK_MONEY.includes(payment.status));
  if (took) return took;
  return [...payments].sort((a, b) => +new Date(b.createdAt) - +new Date(a.createdAt))[0];
}

const money = (amount: number, currency: Currency): Money => ({ amount, currency });

/**
 * One consultation's line, or none: a cancelled or missed one nobody paid for earned nothing and
 * is owed nothing. An unpaid one is owed the fee of its started payment, else the doctor's fee now.
 */
export function consultationLine(
  consultation: DoctorConsultation,
  payment: StoredPayment | undefined,
  feeNow: Money,
): EarningsConsultationView | undefined {
  const base = {
    appointmentId: consultation.id,
    startAt: consultation.startAt,
    appointmentStatus: consultation.status,
  };
  if (payment && TOOK_MONEY.includes(payment.status)) {
    const { amount, currency } = payment.amount;
    const refunded = Math.min(refundedOf(payment), amount);
    return {
      ...base,
      paymentStatus: payment.status,
      fee: money(amount, currency),
      paid: money(amount, currency),
      refunded: money(refunded, currency),
      net: money(amount - refunded, currency),
      unpaid: money(0, currency),
    };
  }
  if (!OWED.includes(consultation.status)) return undefined;
  const fee = payment ? payment.amount : feeNow;
  return {
    ...base,
    paymentStatus: 'unpaid',
    fee: money(fee.amount, fee.currency),
    paid: money(0, fee.currency),
    refunded: money(0, fee.currency),
    net: money(0, fee.currency),
    unpaid: money(fee.amount, fee.currency),
  };
}

const FIGURES = ['fee', 'paid', 'refunded', 'net', 'unpaid'] as const;

export const noFigures = (currency: Currency): EarningsFigures => ({
  consultations: 0,
  fee: money(0, currency),
  paid: money(0, currency),
  refunded: money(0, currency),
  net: money(0, currency),
  unpaid: money(0, currency),
});

function add(into: EarningsFigures, line: EarningsConsultationView): void {
  into.consultations += 1;
  for (const figure of FIGURES) into[figure].amount += line[figure].amount;
}

/** The week (its Monday) and the month a consultation falls in, in the doctor's zone. */
export function periodsOf(startAt: string, timezone: string): { week: string; month: string } {
  const local = DateTime.fromISO(startAt, { zone: timezone });
  return { week: local.startOf('week').toISODate() ?? '', month: local.toFormat('yyyy-MM') };
}

export interface EarningsTotals {
  totals: EarningsFigures;
  weeks: EarningsPeriodView[];
  months: EarningsPeriodView[];
}

/** The lines' totals: all of them, per week and per month in `timezone`, oldest period first. */
export function totalsOf(
  lines: EarningsConsultationView[],
  timezone: string,
  currency: Currency,
): EarningsTotals {
  const totals = noFigures(currency);
  const weeks = new Map<string, EarningsPeriodView>();
  const months = new Map<string, EarningsPeriodView>();
  const periodIn = (periods: Map<string, EarningsPeriodView>, period: string): EarningsPeriodView => {
    let found = periods.get(period);
    if (!found) periods.set(period, (found = { period, ...noFigures(currency) }));
    return found;
  };
  for (const line of lines) {
    const { week, month } = periodsOf(line.startAt, timezone);
    add(totals, line);
    add(periodIn(weeks, week), line);
    add(periodIn(months, month), line);
  }
  const oldestFirst = (periods: Map<string, EarningsPeriodView>): EarningsPeriodView[] =>
    [...periods.values()].sort((a, b) => a.period.localeCompare(b.period));
  return { totals, weeks: oldestFirst(weeks), months: oldestFirst(months) };
}
