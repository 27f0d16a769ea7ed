import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import {
  AnalyticsSubjects,
  AppointmentEventTypes,
  PaymentEventTypes,
  ReviewEventTypes,
  ScheduleEventTypes,
  UserEventTypes,
  type AnalyticsQueryDto,
  type AnalyticsRebuildView,
  type AnalyticsReportView,
  type AppointmentStatus,
  type AppointmentView,
  type EventEnvelope,
  type Money,
  type PaymentEventPayload,
  type ReviewSubmittedPayload,
  type SchedulePublishedPayload,
  type UserRegisteredPayload,
  type UserRole,
} from '@arogyam/contracts';
import { BUS_ADMIN_USER } from '@arogyam/messaging';
import {
  natsEnv,
  rpcFailure,
  type RecordedQuery,
  startServiceUnderTest,
  unindexedQueriesOf,
  waitFor,
  type ServiceUnderTest,
} from '@arogyam/testing';
import { analyticsService } from '../src/analytics-service';
import { EventLogRepository } from '../src/event-log/event-log.repository';
import { FactProjector } from '../src/read-model/fact-projector';
import { ReadModelRepository } from '../src/read-model/read-model.repository';

const runFile = promisify(execFile);
let service: ServiceUnderTest;

beforeAll(async () => {
  service = await startServiceUnderTest(analyticsService);
});

afterAll(async () => {
  await service?.stop();
});

const admin = { userId: 'admin-1', role: 'admin' as const };
const NOVEMBER: AnalyticsQueryDto = { from: '2026-11-01', to: '2026-11-30', tz: 'Asia/Kolkata' };
const report = (query: AnalyticsQueryDto = NOVEMBER, actor: { userId: string; role: UserRole } = admin) =>
  service.rpc.send<AnalyticsReportView>(AnalyticsSubjects.report, { actor, query });

/** An instant written in India's time (+05:30), as the clinic reads it. */
const ist = (local: string): string => new Date(`${local}+05:30`).toISOString();
const envelope = <T>(type: string, at: string, payload: T): EventEnvelope<string, T> => ({
  id: randomUUID(),
  type,
  version: 1,
  occurredAt: ist(at),
  payload,
});

const cardiologist = { id: randomUUID(), fullName: 'Dr. Kavya Rao', specialization: 'Cardiology' };
const dermatologist = { id: randomUUID(), fullName: 'Dr. Imran Shah', specialization: 'Dermatology' };
type Doctor = typeof cardiologist;
const PATIENT_NAME = 'Sunita Verghese';
const REASON = 'Tightness in the chest after climbing stairs';

/** An appointment event carrying the appointment as it stands, reason and names included, as appointment-service sends it. */
function appointment(
  id: string,
  doctor: Doctor,
  start: string,
  status: AppointmentStatus,
  extra: Partial<AppointmentView> = {},
): AppointmentView {
  const startAt = ist(start);
  return {
    id,
    doctorId: doctor.id,
    patientId: 'patient-1',
    doctor,
    patient: { id: 'patient-1', fullName: PATIENT_NAME },
    startAt,
    endAt: new Date(new Date(startAt).getTime() + 30 * 60_000).toISOString(),
    mode: 'video',
    reason: REASON,
    status,
    createdAt: ist('2026-10-25T10:00:00'),
    ...extra,
  };
}
/** An appointment event at `at` (India's time) with the appointment as it stands after it. */
const happened = (
  type: string,
  at: string,
  id: string,
  doctor: Doctor,
  start: string,
  status: AppointmentStatus,
  extra: Partial<AppointmentView> = {},
) => envelope(type, at, appointment(id, doctor, start, status, extra));

function payment(
  id: string,
  appointmentId: string,
  doctor: Doctor,
  amount: number,
  paidAt: string,
  refunds: { id: string; amount: number; at: string }[] = [],
): PaymentEventPayload {
  const refunded = refunds.reduce((sum, refund) => sum + refund.amount, 0);
  return {
    id,
    appointmentId,
    patientId: 'patient-1',
    doctorId: doctor.id,
    amount: { amount, currency: 'INR' },
    status: refunded === 0 ? 'paid' : refunded === amount ? 'refunded' : 'partially_refunded',
    provider: 'sandbox',
    paidAt: ist(paidAt),
    refundedAmount: { amount: refunded, currency: 'INR' },
    refunds: refunds.map((refund) => ({
      id: refund.id,
      amount: { amount: refund.amount, currency: 'INR' },
      kind: 'admin',
      reason: 'Goodwill refund after a complaint about the waiting time',
      refundedBy: 'admin-1',
      refundedAt: ist(refund.at),
    })),
    createdAt: ist(paidAt),
  };
}

/** A refund as [provider id, paise, local time]. */
type Refund = [string, number, string];

const paid = (id: string, appointmentId: string, doctor: Doctor, amount: number, at: string) =>
  envelope(PaymentEventTypes.succeeded, at, payment(id, appointmentId, doctor, amount, at));

/** The payment after its latest refund, with every refund so far. */
const refunded = (
  id: string,
  appointmentId: string,
  doctor: Doctor,
  amount: number,
  paidAt: string,
  refunds: Refund[],
) =>
  envelope(
    PaymentEventTypes.refunded,
    refunds[refunds.length - 1][2],
    payment(
      id,
      appointmentId,
      doctor,
      amount,
      paidAt,
      refunds.map(([refundId, refundAmount, at]) => ({ id: refundId, amount: refundAmount, at })),
    ),
  );

const registered = (role: UserRole, at: string) =>
  envelope<UserRegisteredPayload>(UserEventTypes.registered, at, {
    userId: randomUUID(),
    role,
    email: `${randomUUID()}@example.in`,
    fullName: PATIENT_NAME,
    profile: { phone: '+919812345678' },
  });

const reviewed = (appointmentId: string, doctor: Doctor, rating: number, at: string) =>
  envelope<ReviewSubmittedPayload>(ReviewEventTypes.submitted, at, {
    appointmentId,
    doctorId: doctor.id,
    rating,
    submittedAt: ist(at),
  });

const schedule = (
  doctor: Doctor,
  at: string,
  weekly: SchedulePublishedPayload['weekly'],
  unavailableDates: string[] = [],
) =>
  envelope<SchedulePublishedPayload>(ScheduleEventTypes.published, at, {
    doctorId: doctor.id,
    timezone: 'Asia/Kolkata',
    slotMinutes: 30,
    weekly,
    unavailableDates,
  });

const [A1, A2, A3, A4, A5, A6, A7, A8, A9, A10] = Array.from({ length: 10 }, () => randomUUID());
const { booked, rescheduled, cancelled, statusChanged, completed } = AppointmentEventTypes;
const weekdays = (start: string, end: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end }));

/**
 * November 2026 in India: two doctors' hours (one republished mid-month), eight consultations in
 * the month and two just outside it, every outcome, payments paid and refunded in parts and in
 * full (one refund just after midnight on 1 December in India, still 30 November in UTC),
 * sign-ups and reviews either side of the month's edges. Some events arrive out of order.
 */
const MONTH: EventEnvelope[] = [
  // Hours: Kavya weekdays 09:00–13:00 but not Monday 16th; Imran Saturdays 10:00–12:00, then 10:00–14:00 from the 15th.
  schedule(cardiologist, '2026-10-20T08:00:00', weekdays('09:00', '13:00'), ['2026-11-16']),
  schedule(dermatologist, '2026-10-20T08:00:00', [{ weekday: 6, start: '10:00', end: '12:00' }]),
  schedule(dermatologist, '2026-11-15T00:00:00', [{ weekday: 6, start: '10:00', end: '14:00' }]),
  // A1 completed: its completion arrives before its booking.
  happened(completed, '2026-11-02T09:35:00', A1, cardiologist, '2026-11-02T09:00:00', 'completed'),
  happened(booked, '2026-10-25T10:00:00', A1, cardiologist, '2026-11-02T09:00:00', 'booked'),
  // A2 cancelled in good time, A3 cancelled late, A4 a no-show.
  happened(booked, '2026-10-25T10:00:00', A2, cardiologist, '2026-11-02T09:30:00', 'booked'),
  happened(cancelled, '2026-11-01T12:00:00', A2, cardiologist, '2026-11-02T09:30:00', 'cancelled', {
    cancelledLate: false,
    cancelledBy: 'patient',
    cancellationReason: 'Feeling better',
  }),
  happened(booked, '2026-10-26T10:00:00', A3, cardiologist, '2026-11-03T10:00:00', 'booked'),
  happened(cancelled, '2026-11-03T08:00:00', A3, cardiologist, '2026-11-03T10:00:00', 'cancelled', {
    cancelledLate: true,
    cancelledBy: 'patient',
  }),
  // A10: the doctor cancels inside the window: a cancellation, not a late one (that is the patient's).
  happened(booked, '2026-10-27T11:00:00', A10, cardiologist, '2026-11-10T11:00:00', 'booked'),
  happened(cancelled, '2026-11-10T09:00:00', A10, cardiologist, '2026-11-10T11:00:00', 'cancelled', {
    cancelledLate: true,
    cancelledBy: 'doctor',
  }),
  happened(booked, '2026-10-27T10:00:00', A4, cardiologist, '2026-11-04T11:00:00', 'booked'),
  happened(statusChanged, '2026-11-04T11:20:00', A4, cardiologist, '2026-11-04T11:00:00', 'no_show'),
  // A5 moved from the 7th to the 14th, then completed; A6 still open.
  happened(booked, '2026-10-28T10:00:00', A5, dermatologist, '2026-11-07T10:00:00', 'booked'),
  happened(rescheduled, '2026-11-05T10:00:00', A5, dermatologist, '2026-11-14T10:30:00', 'booked'),
  happened(statusChanged, '2026-11-14T10:31:00', A5, dermatologist, '2026-11-14T10:30:00', 'in_consultation'),
  happened(completed, '2026-11-14T10:55:00', A5, dermatologist, '2026-11-14T10:30:00', 'completed'),
  happened(booked, '2026-11-10T10:00:00', A6, dermatologist, '2026-11-21T10:00:00', 'booked'),
  // A7 on the month's last day; A8 and A9 just outside the month.
  happened(booked, '2026-11-20T10:00:00', A7, cardiologist, '2026-11-30T12:30:00', 'booked'),
  happened(completed, '2026-11-30T13:00:00', A7, cardiologist, '2026-11-30T12:30:00', 'completed'),
  happened(booked, '2026-11-20T10:00:00', A8, cardiologist, '2026-12-01T09:00:00', 'booked'),
  happened(booked, '2026-10-20T10:00:00', A9, cardiologist, '2026-10-30T09:00:00', 'booked'),
  happened(completed, '2026-10-30T09:40:00', A9, cardiologist, '2026-10-30T09:00:00', 'completed'),
  // Payments (paise). P3 refunded in two parts, each event listing the refunds so far.
  paid('P1', A1, cardiologist, 50_000, '2026-11-01T10:00:00'),
  paid('P2', A2, cardiologist, 50_000, '2026-11-01T11:00:00'),
  refunded('P2', A2, cardiologist, 50_000, '2026-11-01T11:00:00', [['R2', 50_000, '2026-11-01T12:05:00']]),
  paid('P3', A3, cardiologist, 80_000, '2026-11-02T08:00:00'),
  // The second partial refund's event arrives before the first's.
  refunded('P3', A3, cardiologist, 80_000, '2026-11-02T08:00:00', [
    ['R3a', 20_000, '2026-11-05T10:00:00'],
    ['R3b', 10_000, '2026-11-06T10:00:00'],
  ]),
  refunded('P3', A3, cardiologist, 80_000, '2026-11-02T08:00:00', [['R3a', 20_000, '2026-11-05T10:00:00']]),
  paid('P4', A5, dermatologist, 60_000, '2026-11-06T20:00:00'),
  paid('P5', A7, cardiologist, 50_000, '2026-11-29T23:50:00'),
  refunded('P5', A7, cardiologist, 50_000, '2026-11-29T23:50:00', [['R5', 50_000, '2026-12-01T01:00:00']]),
  // Paid before the month, refunded in it: the refund counts, the payment does not.
  paid('P6', A4, cardiologist, 40_000, '2026-10-31T22:00:00'),
  refunded('P6', A4, cardiologist, 40_000, '2026-10-31T22:00:00', [['R6', 10_000, '2026-11-02T09:00:00']]),
  // Sign-ups: three patients and two doctors in the month (an admin is neither), one patient before it.
  registered('patient', '2026-11-01T00:10:00'),
  registered('patient', '2026-11-12T09:00:00'),
  registered('patient', '2026-11-30T23:00:00'),
  registered('patient', '2026-10-31T23:50:00'),
  registered('doctor', '2026-11-03T09:00:00'),
  registered('doctor', '2026-11-12T15:00:00'),
  registered('admin', '2026-11-12T16:00:00'),
  // Reviews: two in the month, one on 1 December.
  reviewed(A1, cardiologist, 5, '2026-11-02T10:00:00'),
  reviewed(A5, dermatologist, 4, '2026-11-14T11:00:00'),
  reviewed(A7, cardiologist, 3, '2026-12-01T08:00:00'),
];

const zeroDay = { completed: 0, cancelled: 0, lateCancelled: 0, noShow: 0, open: 0 };
const inr = (amount: number): Money => ({ amount, currency: 'INR' });
const novemberDates = Array.from(
  { length: 30 },
  (_, index) => `2026-11-${String(index + 1).padStart(2, '0')}`,
);
const byDate = <T>(rows: Record<string, Partial<T>>, zero: T) =>
  novemberDates.map((period) => ({ period, ...zero, ...(rows[period] ?? {}) }));

const EXPECTED: AnalyticsReportView = {
  from: '2026-11-01',
  to: '2026-11-30',
  timezone: 'Asia/Kolkata',
  summary: {
    consultations: 8,
    completed: 3,
    cancelled: 2,
    lateCancelled: 1,
    noShow: 1,
    open: 1,
    revenue: inr(290_000),
    refunds: inr(90_000),
    net: inr(200_000),
    newPatients: 3,
    newDoctors: 2,
    reviews: 2,
    averageRating: 4.5,
    // (90 + 60) booked of (20 weekdays × 240 + 2 × 120 + 2 × 240) published minutes.
    utilisation: 0.0272,
  },
  days: byDate(
    {
      '2026-11-02': { completed: 1, cancelled: 1 },
      '2026-11-03': { lateCancelled: 1 },
      '2026-11-04': { noShow: 1 },
      '2026-11-10': { cancelled: 1 },
      '2026-11-14': { completed: 1 },
      '2026-11-21': { open: 1 },
      '2026-11-30': { completed: 1 },
    },
    zeroDay,
  ),
  weeks: [
    { period: '2026-11-01', ...zeroDay },
    { period: '2026-11-02', ...zeroDay, completed: 1, cancelled: 1, lateCancelled: 1, noShow: 1 },
    { period: '2026-11-09', ...zeroDay, completed: 1, cancelled: 1 },
    { period: '2026-11-16', ...zeroDay, open: 1 },
    { period: '2026-11-23', ...zeroDay },
    { period: '2026-11-30', ...zeroDay, completed: 1 },
  ],
  money: novemberDates.map((period) => {
    const day: Record<string, [number, number]> = {
      '2026-11-01': [100_000, 50_000],
      '2026-11-02': [80_000, 10_000],
      '2026-11-05': [0, 20_000],
      '2026-11-06': [60_000, 10_000],
      '2026-11-29': [50_000, 0],
    };
    const [revenue, refunds] = day[period] ?? [0, 0];
    return { period, revenue: inr(revenue), refunds: inr(refunds), net: inr(revenue - refunds) };
  }),
  signups: byDate(
    {
      '2026-11-01': { patients: 1 },
      '2026-11-03': { doctors: 1 },
      '2026-11-12': { patients: 1, doctors: 1 },
      '2026-11-30': { patients: 1 },
    },
    { patients: 0, doctors: 0 },
  ),
  specialties: [
    { specialty: 'Cardiology', consultations: 3, completed: 2 },
    { specialty: 'Dermatology', consultations: 2, completed: 1 },
  ],
  hours: Array.from({ length: 24 }, (_, hour) => ({
    hour,
    consultations: ({ 9: 1, 10: 2, 11: 1, 12: 1 } as Record<number, number>)[hour] ?? 0,
  })),
  utilisation: [
    {
      doctorId: dermatologist.id,
      specialty: 'Dermatology',
      publishedMinutes: 720,
      bookedMinutes: 60,
      utilisation: 0.0833,
    },
    {
      doctorId: cardiologist.id,
      specialty: 'Cardiology',
      publishedMinutes: 4800,
      bookedMinutes: 90,
      utilisation: 0.0188,
    },
  ],
  ratings: [
    { doctorId: cardiologist.id, specialty: 'Cardiology', reviews: 1, averageRating: 5 },
    { doctorId: dermatologist.id, specialty: 'Dermatology', reviews: 1, averageRating: 4 },
  ],
};

describe('analytics-service', () => {
  it('turns a scripted month of events into exactly the expected figures, and a rebuild from its log into the same', async () => {
    for (const event of MONTH) await service.events.publish(event);
    const logged = () => service.db.collection('analyticsEventLog').countDocuments();
    await waitFor(async () => (await logged()) === MONTH.length, 20_000, 'every event logged');
    // Logged comes before applied: wait until the figures settle on the expected ones.
    await waitFor(
      async () => JSON.stringify(await report()) === JSON.stringify(EXPECTED),
      10_000,
      'the expected figures',
    ).catch(() => undefined);
    expect(await report()).toEqual(EXPECTED);

    const rebuilt = await service.rpc.send<AnalyticsRebuildView>(AnalyticsSubjects.rebuild, {});
    expect(rebuilt.replayed).toBe(MONTH.length);
    expect(await report()).toEqual(EXPECTED);

    // The operators' command does the same (run apart, as the service here answers in this process).
    const command = await runFile(
      process.execPath,
      [join(__dirname, '..', '..', '..', 'scripts', 'analytics-rebuild.mjs')],
      { env: { ...process.env, ...natsEnv(service.infra, BUS_ADMIN_USER) }, timeout: 60_000 },
    );
    expect(command.stdout).toContain(`${MONTH.length} events replayed`);
    expect(await report()).toEqual(EXPECTED);

    // Applying every logged event once more (a redelivery of all of them) changes nothing.
    const projector = service.app.get(FactProjector);
    for await (const batch of service.app.get(EventLogRepository).inOrder())
      for (const event of batch) await projector.apply(event);
    expect(await report()).toEqual(EXPECTED);
  });

  it('keeps nothing personal: no names, emails, phones, reasons or refund reasons in its log or read model', async () => {
    const stored = JSON.stringify(
      await Promise.all(
        [
          'analyticsEventLog',
          'analyticsConsultations',
          'analyticsPayments',
          'analyticsRefunds',
          'analyticsSignups',
          'analyticsRatings',
          'analyticsSchedules',
        ].map((name) => service.db.collection(name).find().toArray()),
      ),
    );
    expect(stored).toContain(A1);
    for (const personal of [
      PATIENT_NAME,
      REASON,
      'Feeling better',
      'Goodwill',
      '@example.in',
      '+9198',
      'Dr. Kavya',
    ])
      expect({ personal, stored: stored.includes(personal) }).toEqual({ personal, stored: false });
  });

  it('reads the same month in another zone by that zone’s days', async () => {
    const utc = await report({ from: '2026-11-01', to: '2026-11-30', tz: 'UTC' });
    // P5's refund at 01:00 on 1 December in India is 30 November in UTC; the late sign-up on the
    // 30th at 23:00 in India is still the 30th in UTC; the first on 1 November 00:10 is 31 October.
    expect(utc.summary).toMatchObject({ refunds: inr(140_000), newPatients: 2 });
  });

  it('answers 400 to a range it cannot report and 403 to anyone but an admin', async () => {
    expect(
      await rpcFailure(report({ from: '2026-11-30', to: '2026-11-01', tz: 'Asia/Kolkata' })),
    ).toMatchObject({
      statusCode: 400,
    });
    expect(
      await rpcFailure(report({ from: '2025-01-01', to: '2026-11-30', tz: 'Asia/Kolkata' })),
    ).toMatchObject({
      statusCode: 400,
    });
    expect(
      await rpcFailure(report({ from: '2026-11-01', to: '2026-11-30', tz: 'Mars/Olympus' })),
    ).toMatchObject({
      statusCode: 400,
    });
    expect(await rpcFailure(report({ from: '2026-02-30', to: '2026-03-01', tz: 'UTC' }))).toMatchObject({
      statusCode: 400,
    });
    expect(await rpcFailure(report(NOVEMBER, { userId: 'doctor-1', role: 'doctor' }))).toMatchObject({
      statusCode: 403,
    });
  });

  it('keeps the newer version of a consultation when two of its events are written at once', async () => {
    const readModel = service.app.get(ReadModelRepository);
    const connection = service.app.get<Connection>(getConnectionToken());
    const ids = Array.from({ length: 20 }, () => randomUUID());
    const fact = (appointmentId: string, status: AppointmentStatus) => ({
      kind: 'consultation' as const,
      appointmentId,
      doctorId: cardiologist.id,
      specialty: cardiologist.specialization,
      startAt: ist('2026-11-20T09:00:00'),
      endAt: ist('2026-11-20T09:30:00'),
      status,
      late: false,
    });
    // The completion (newer) and the booking (older) of each appointment, neither stored yet.
    await Promise.all(
      ids.flatMap((id) => [
        readModel.consultation(fact(id, 'completed'), `${ist('2026-11-20T09:35:00')}|b`),
        readModel.consultation(fact(id, 'booked'), `${ist('2026-11-01T10:00:00')}|a`),
      ]),
    );
    const stored = await connection
      .collection('analyticsConsultations')
      .find({ _id: { $in: ids } } as object)
      .toArray();
    expect(stored.map((consultation) => consultation.status)).toEqual(ids.map(() => 'completed'));
  });

  it('writes a batch of consultations as each would be written alone', async () => {
    const readModel = service.app.get(ReadModelRepository);
    const connection = service.app.get<Connection>(getConnectionToken());
    const fact = (appointmentId: string, status: AppointmentStatus) => ({
      kind: 'consultation' as const,
      appointmentId,
      doctorId: dermatologist.id,
      specialty: dermatologist.specialization,
      startAt: ist('2026-11-21T09:00:00'),
      endAt: ist('2026-11-21T09:30:00'),
      status,
      late: false,
    });
    const [fresh, twice, newerStored, olderStored] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const older = `${ist('2026-11-01T10:00:00')}|a`;
    const newer = `${ist('2026-11-21T09:35:00')}|b`;
    await readModel.consultation(fact(newerStored, 'completed'), newer);
    await readModel.consultation(fact(olderStored, 'booked'), older);

    await readModel.consultationsEach([
      { fact: fact(fresh, 'booked'), version: older },
      { fact: fact(twice, 'completed'), version: newer },
      { fact: fact(twice, 'booked'), version: older },
      { fact: fact(newerStored, 'booked'), version: older },
      { fact: fact(olderStored, 'completed'), version: newer },
    ]);

    const stored = await connection
      .collection('analyticsConsultations')
      .find({ _id: { $in: [fresh, twice, newerStored, olderStored] } } as object, {
        projection: { status: 1, version: 1, day: 1 },
      })
      .toArray();
    const byId = new Map(stored.map((consultation) => [String(consultation._id), consultation]));
    expect(byId.get(fresh)).toMatchObject({ status: 'booked', version: older, day: '2026-11-21' });
    expect(byId.get(twice)).toMatchObject({ status: 'completed', version: newer });
    expect(byId.get(newerStored)).toMatchObject({ status: 'completed', version: newer });
    expect(byId.get(olderStored)).toMatchObject({ status: 'completed', version: newer });
  });

  it('serves every query of the read model and the log from an index, but the two whole reads', async () => {
    const connection = service.app.get<Connection>(getConnectionToken());
    const readModel = service.app.get(ReadModelRepository);
    const projector = service.app.get(FactProjector);
    const [logged] = await service.app
      .get(EventLogRepository)
      .inOrder(50)
      .next()
      .then(({ value }) => value ?? []);
    // The replay walks the whole log, and a report reads every published schedule (decisions.md, "Analytics").
    const wholeReads = (query: RecordedQuery) =>
      ['analyticsEventLog', 'analyticsSchedules'].includes(query.collection) &&
      Object.keys(query.filter).length === 0;
    const unserved = await unindexedQueriesOf(
      connection,
      async () => {
        await readModel.inRange(new Date(ist('2026-11-01T00:00:00')), new Date(ist('2026-12-01T00:00:00')));
        for await (const batch of service.app.get(EventLogRepository).inOrder(10)) void batch;
        await projector.apply(logged);
        await projector.applyEach([logged, logged]);
        await service.app.get(EventLogRepository).append(logged);
        await service.app.get(EventLogRepository).appendEach([logged]);
      },
      wholeReads,
    );
    expect(unserved).toEqual([]);
  });
});
