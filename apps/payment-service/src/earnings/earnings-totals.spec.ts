import type { DoctorConsultation, Money } from '@arogyam/contracts';
import { domainStatusOf } from '../../test/domain-status';
import type { StoredPayment } from '../payments/payment.schema';
import { earningsPeriod } from './earnings-period';
import { consultationLine, countingPayment, periodsOf, totalsOf } from './earnings-totals';

const FEE: Money = { amount: 80000, currency: 'INR' };
const KOLKATA = 'Asia/Kolkata';

const consultation = (id: string, startAt: string, status: DoctorConsultation['status'] = 'completed') => ({
  id,
  startAt,
  status,
});

const payment = (overrides: Partial<StoredPayment>): StoredPayment =>
  ({
    _id: `p-${Math.random()}`,
    appointmentId: 'a',
    patientId: 'patient',
    doctorId: 'doctor',
    amount: { amount: 50000, currency: 'INR' },
    status: 'paid',
    provider: 'sandbox',
    providerOrderId: 'o',
    refunds: [],
    createdAt: new Date('2026-11-01T00:00:00Z'),
    ...overrides,
  }) as StoredPayment;

describe('earnings totals', () => {
  it('counts a paid, a partially refunded, a fully refunded and an unpaid consultation exactly', () => {
    const lines = [
      consultationLine(consultation('paid', '2026-11-02T05:00:00Z'), payment({}), FEE),
      consultationLine(
        consultation('partial', '2026-11-03T05:00:00Z'),
        payment({ status: 'partially_refunded', refundedAmount: 20000 }),
        FEE,
      ),
      consultationLine(
        consultation('full', '2026-11-04T05:00:00Z', 'cancelled'),
        payment({ status: 'refunded', refundedAmount: 50000 }),
        FEE,
      ),
      consultationLine(consultation('unpaid', '2026-11-05T05:00:00Z', 'booked'), undefined, FEE),
    ].filter((line) => line !== undefined);
    expect(
      lines.map((line) => [
        line.paymentStatus,
        line.paid.amount,
        line.refunded.amount,
        line.net.amount,
        line.unpaid.amount,
      ]),
    ).toEqual([
      ['paid', 50000, 0, 50000, 0],
      ['partially_refunded', 50000, 20000, 30000, 0],
      ['refunded', 50000, 50000, 0, 0],
      ['unpaid', 0, 0, 0, 80000],
    ]);
    const { totals } = totalsOf(lines, KOLKATA, 'INR');
    expect(totals).toEqual({
      consultations: 4,
      fee: { amount: 230000, currency: 'INR' },
      paid: { amount: 150000, currency: 'INR' },
      refunded: { amount: 70000, currency: 'INR' },
      net: { amount: 80000, currency: 'INR' },
      unpaid: { amount: 80000, currency: 'INR' },
    });
  });

  it('reads a payment refunded before partial refunds as refunded in full', () => {
    const line = consultationLine(
      consultation('a', '2026-11-02T05:00:00Z'),
      payment({ status: 'refunded' }),
      FEE,
    );
    expect(line?.refunded.amount).toBe(50000);
    expect(line?.net.amount).toBe(0);
  });

  it('leaves out a cancelled or missed consultation nobody paid for, and owes a started payment its amount', () => {
    expect(
      consultationLine(consultation('c', '2026-11-02T05:00:00Z', 'cancelled'), undefined, FEE),
    ).toBeUndefined();
    expect(
      consultationLine(consultation('n', '2026-11-02T05:00:00Z', 'no_show'), undefined, FEE),
    ).toBeUndefined();
    const started = consultationLine(
      consultation('s', '2026-11-02T05:00:00Z', 'booked'),
      payment({ status: 'created', amount: { amount: 60000, currency: 'INR' } }),
      FEE,
    );
    expect(started?.paymentStatus).toBe('unpaid');
    expect(started?.unpaid.amount).toBe(60000);
  });

  it('prefers the payment that took the money over a later failed attempt', () => {
    const paid = payment({ status: 'paid', createdAt: new Date('2026-11-01T00:00:00Z') });
    const failed = payment({ status: 'failed', createdAt: new Date('2026-11-02T00:00:00Z') });
    expect(countingPayment([failed, paid])).toBe(paid);
    expect(countingPayment([failed])).toBe(failed);
    expect(countingPayment([])).toBeUndefined();
  });

  it('puts a consultation in the week and month of its local day, not of UTC', () => {
    // 2026-11-29 (Sunday) 20:00 UTC is Monday 30 November 01:30 in Kolkata.
    expect(periodsOf('2026-11-29T20:00:00Z', KOLKATA)).toEqual({ week: '2026-11-30', month: '2026-11' });
    expect(periodsOf('2026-11-29T20:00:00Z', 'UTC')).toEqual({ week: '2026-11-23', month: '2026-11' });
    // 2026-11-30 19:00 UTC is 1 December 00:30 in Kolkata: December there.
    expect(periodsOf('2026-11-30T19:00:00Z', KOLKATA)).toEqual({ week: '2026-11-30', month: '2026-12' });
  });

  it('totals per week and per month, oldest first', () => {
    const lines = [
      consultationLine(consultation('b', '2026-11-30T19:00:00Z'), payment({}), FEE),
      consultationLine(consultation('a', '2026-11-29T17:00:00Z'), payment({}), FEE),
    ].filter((line) => line !== undefined);
    const { weeks, months } = totalsOf(lines, KOLKATA, 'INR');
    expect(weeks.map((week) => [week.period, week.consultations, week.paid.amount])).toEqual([
      ['2026-11-23', 1, 50000],
      ['2026-11-30', 1, 50000],
    ]);
    expect(months.map((month) => [month.period, month.consultations])).toEqual([
      ['2026-11', 1],
      ['2026-12', 1],
    ]);
  });
});

describe('earnings period', () => {
  const now = new Date('2026-12-05T20:00:00Z'); // 6 December 01:30 in Kolkata

  it('defaults to the month two months back to the end of next month, in the zone', () => {
    const period = earningsPeriod({ tz: KOLKATA }, now);
    expect([period.from, period.to]).toEqual(['2026-10-01', '2027-01-31']);
    expect(period.start.toISOString()).toBe('2026-09-30T18:30:00.000Z');
    expect(period.end.toISOString()).toBe('2027-01-31T18:30:00.000Z');
    expect(earningsPeriod({}, now).timezone).toBe('UTC');
  });

  it('refuses a reversed or too long period with 400', () => {
    expect(domainStatusOf(() => earningsPeriod({ from: '2026-12-02', to: '2026-12-01' }, now))).toBe(400);
    expect(domainStatusOf(() => earningsPeriod({ from: '2025-01-01', to: '2026-12-01' }, now))).toBe(400);
    expect(earningsPeriod({ from: '2026-01-01', to: '2026-12-31' }, now).to).toBe('2026-12-31');
  });
});
