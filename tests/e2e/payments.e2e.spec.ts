import { createHmac, randomUUID } from 'node:crypto';
import type { AnalyticsReportView, PaymentView } from '@arogyam/contracts';
import { extractPdfText, waitFor } from '@arogyam/testing';
import { httpClient } from './http';
import { registerPatient, verifiedDoctorWithHours, type Person } from './people';
import { E2E_PAYMENT_SANDBOX_SECRET, startPlatformAsAdmin, type Platform } from './platform';

let platform: Platform;
let call: ReturnType<typeof httpClient>;
let adminToken: string;
let doctor: Person;
let patient: Person;
let hoursAhead = 72;

/** The next free hour slot, days ahead (so a cancellation is never late). */
const book = async (who: Person, withDoctor: Person = doctor): Promise<string> => {
  hoursAhead += 1;
  const startAt = new Date(
    Math.ceil((Date.now() + hoursAhead * 3_600_000) / 3_600_000) * 3_600_000,
  ).toISOString();
  const booked = await call<{ id: string }>('POST', '/api/appointments', {
    token: who.token,
    body: { doctorId: withDoctor.id, startAt, mode: 'video' },
  });
  expect(booked.status).toBe(201);
  return booked.body.id;
};

/** A sandbox webhook as the provider would send it: odd spacing, so only the raw bytes verify. */
const sandboxWebhook = (orderId: string, secret = E2E_PAYMENT_SANDBOX_SECRET) => {
  const raw = `{ "id": "evt_${randomUUID()}",  "event": "payment.captured", "orderId": "${orderId}", "paymentId": "pay_${randomUUID()}" }`;
  return { raw, headers: { 'x-sandbox-signature': createHmac('sha256', secret).update(raw).digest('hex') } };
};

beforeAll(async () => {
  ({ platform, call, adminToken } = await startPlatformAsAdmin());
  doctor = await verifiedDoctorWithHours(call, adminToken, 'Dr Paisa Rao');
  patient = await registerPatient(call, 'Meena Payer');
}, 90000);

afterAll(() => platform?.stop());

it('book, pay through a signed sandbox webhook, cancel, and the payment is refunded', async () => {
  const appointmentId = await book(patient);
  const created = await call<PaymentView>('POST', `/api/appointments/${appointmentId}/payment`, {
    token: patient.token,
  });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({
    appointmentId,
    amount: { amount: 40000, currency: 'INR' },
    status: 'created',
    provider: 'sandbox',
    checkout: { provider: 'sandbox' },
  });
  const again = await call<PaymentView>('POST', `/api/appointments/${appointmentId}/payment`, {
    token: patient.token,
  });
  expect(again.body.id).toBe(created.body.id);

  const { raw, headers } = sandboxWebhook(created.body.checkout?.orderId ?? '');
  const delivered = await call('POST', '/api/payments/webhooks/sandbox', { raw, headers });
  expect(delivered).toMatchObject({ status: 200, body: { received: true, applied: true } });
  const replayed = await call('POST', '/api/payments/webhooks/sandbox', { raw, headers });
  expect(replayed).toMatchObject({ status: 200, body: { applied: false } });

  const paid = await call<PaymentView>('GET', `/api/appointments/${appointmentId}/payment`, {
    token: patient.token,
  });
  expect(paid.body).toMatchObject({ id: created.body.id, status: 'paid' });
  const seenByDoctor = await call('GET', `/api/appointments/${appointmentId}/payment`, {
    token: doctor.token,
  });
  expect(seenByDoctor.status).toBe(200);

  const cancelled = await call('POST', `/api/appointments/${appointmentId}/cancel`, {
    token: patient.token,
    body: {},
  });
  expect(cancelled.status).toBe(200);
  await waitFor(
    async () => {
      const now = await call<PaymentView>('GET', `/api/appointments/${appointmentId}/payment`, {
        token: patient.token,
      });
      return now.body.status === 'refunded' ? now : undefined;
    },
    15000,
    'the refund',
  );
  const mine = await call<{ items: PaymentView[]; total: number }>('GET', '/api/payments?page=1', {
    token: patient.token,
  });
  expect(mine.body.items[0]).toMatchObject({
    id: created.body.id,
    status: 'refunded',
    refundedAmount: { amount: 40000, currency: 'INR' },
    refunds: [{ kind: 'appointment_cancelled', amount: { amount: 40000, currency: 'INR' } }],
  });
});

it("the doctor's queue says which consultations are paid; another doctor's queue has none of them", async () => {
  const paidId = await book(patient);
  const unpaidId = await book(patient);
  const created = await call<PaymentView>('POST', `/api/appointments/${paidId}/payment`, {
    token: patient.token,
  });
  const { raw, headers } = sandboxWebhook(created.body.checkout?.orderId ?? '');
  expect((await call('POST', '/api/payments/webhooks/sandbox', { raw, headers })).status).toBe(200);

  const appointment = await call<{ startAt: string }>('GET', `/api/appointments/${paidId}`, {
    token: doctor.token,
  });
  // The doctor's day in their schedule's zone (Asia/Kolkata), as the queue counts days.
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(
    new Date(appointment.body.startAt),
  );
  const queue = await call<{ items: { id: string; paymentStatus?: string }[] }>(
    'GET',
    `/api/doctors/me/queue?date=${date}`,
    { token: doctor.token },
  );
  expect(queue.status).toBe(200);
  const statusOf = (id: string) => queue.body.items.find((entry) => entry.id === id)?.paymentStatus;
  expect(statusOf(paidId)).toBe('paid');
  const unpaid = await call<{ startAt: string }>('GET', `/api/appointments/${unpaidId}`, {
    token: doctor.token,
  });
  const unpaidDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(
    new Date(unpaid.body.startAt),
  );
  const unpaidQueue = await call<{ items: { id: string; paymentStatus?: string }[] }>(
    'GET',
    `/api/doctors/me/queue?date=${unpaidDate}`,
    { token: doctor.token },
  );
  expect(unpaidQueue.body.items.find((entry) => entry.id === unpaidId)?.paymentStatus).toBe('unpaid');

  // Another doctor's queue has none of these, and payment-service would not tell them anyway.
  const other = await verifiedDoctorWithHours(call, adminToken, 'Dr Other Queue');
  const theirs = await call<{ items: { id: string }[] }>('GET', `/api/doctors/me/queue?date=${date}`, {
    token: other.token,
  });
  expect(theirs.body.items.map((entry) => entry.id)).not.toContain(paidId);
});

it("another patient gets 404 for someone else's appointment payment", async () => {
  const appointmentId = await book(patient);
  await call('POST', `/api/appointments/${appointmentId}/payment`, { token: patient.token });
  const stranger = await registerPatient(call, 'Nosy Parker');
  expect(
    (await call('GET', `/api/appointments/${appointmentId}/payment`, { token: stranger.token })).status,
  ).toBe(404);
  expect(
    (await call('POST', `/api/appointments/${appointmentId}/payment`, { token: stranger.token })).status,
  ).toBe(404);
  expect((await call('GET', `/api/appointments/${appointmentId}/payment`)).status).toBe(401);
});

it('refuses an unsigned or wrongly signed webhook with 401 and changes nothing', async () => {
  const appointmentId = await book(patient);
  const created = await call<PaymentView>('POST', `/api/appointments/${appointmentId}/payment`, {
    token: patient.token,
  });
  const orderId = created.body.checkout?.orderId ?? '';
  const unsigned = sandboxWebhook(orderId);
  expect((await call('POST', '/api/payments/webhooks/sandbox', { raw: unsigned.raw })).status).toBe(401);
  const forged = sandboxWebhook(orderId, 'not-the-sandbox-secret');
  expect((await call('POST', '/api/payments/webhooks/sandbox', forged)).status).toBe(401);
  expect((await call('POST', '/api/payments/webhooks/razorpay', forged)).status).toBe(404);
  const now = await call<PaymentView>('GET', `/api/appointments/${appointmentId}/payment`, {
    token: patient.token,
  });
  expect(now.body.status).toBe('created');
});

/** A paid payment of a new appointment (the sandbox checkout), for the refund tests. */
const paidPayment = async (withDoctor: Person = doctor): Promise<PaymentView> => {
  const appointmentId = await book(patient, withDoctor);
  const created = await call<PaymentView>('POST', `/api/appointments/${appointmentId}/payment`, {
    token: patient.token,
  });
  const checkout = await call<PaymentView>('POST', `/api/payments/${created.body.id}/sandbox-checkout`, {
    token: patient.token,
    body: { outcome: 'paid' },
  });
  expect(checkout).toMatchObject({ status: 200, body: { status: 'paid' } });
  return checkout.body;
};

const inr = (amount: number) => ({ amount, currency: 'INR' });

/** An admin's refund of `paymentId`, with a fresh idempotency key unless one is given. */
const adminRefund = (
  paymentId: string,
  body: Record<string, unknown>,
  { key = randomUUID(), token = adminToken }: { key?: string; token?: string } = {},
) =>
  call<PaymentView & { code?: string; message?: string }>('POST', `/api/admin/payments/${paymentId}/refund`, {
    token,
    body,
    headers: { 'idempotency-key': key },
  });

it('an admin refunds part of a payment, then another part, then the rest; a retry refunds nothing more', async () => {
  const payment = await paidPayment();

  const first = await adminRefund(
    payment.id,
    { amount: inr(15000), reason: 'The call dropped twice.' },
    { key: 'first-refund-key' },
  );
  expect(first).toMatchObject({
    status: 200,
    body: {
      status: 'partially_refunded',
      refundedAmount: inr(15000),
      refunds: [{ kind: 'admin', amount: inr(15000), reason: 'The call dropped twice.' }],
    },
  });
  // The same request again (a timeout, a double click): the same refund, not a second one.
  const retried = await adminRefund(
    payment.id,
    { amount: inr(15000), reason: 'The call dropped twice.' },
    { key: 'first-refund-key' },
  );
  expect(retried).toMatchObject({ status: 200, body: { refundedAmount: inr(15000) } });
  expect(retried.body.refunds).toHaveLength(1);

  const second = await adminRefund(payment.id, { amount: inr(5000), reason: 'Goodwill.' });
  expect(second).toMatchObject({
    status: 200,
    body: { status: 'partially_refunded', refundedAmount: inr(20000) },
  });

  const tooMuch = await adminRefund(payment.id, { amount: inr(20001), reason: 'More than is left.' });
  expect(tooMuch).toMatchObject({ status: 422, body: { code: 'refund_exceeds_balance' } });
  expect(tooMuch.body.message).toContain('200');

  // The admin's payment page, and the search by appointment and by status, show it.
  const page = await call<PaymentView>('GET', `/api/admin/payments/${payment.id}`, { token: adminToken });
  expect(page.body.refunds.map((refund) => refund.amount.amount)).toEqual([15000, 5000]);
  const byAppointment = await call<{ items: PaymentView[] }>(
    'GET',
    `/api/admin/payments?appointmentId=${payment.appointmentId}`,
    { token: adminToken },
  );
  expect(byAppointment.body.items.map((found) => found.id)).toEqual([payment.id]);
  const partly = await call<{ items: PaymentView[] }>(
    'GET',
    `/api/admin/payments?status=partially_refunded&patientId=${patient.id}&from=${payment.createdAt}`,
    { token: adminToken },
  );
  expect(partly.body.items.map((found) => found.id)).toContain(payment.id);
  expect(partly.body.items.every((found) => found.status === 'partially_refunded')).toBe(true);

  // Without an amount: all that is left.
  const rest = await adminRefund(payment.id, { reason: 'The patient complained; refund the rest.' });
  expect(rest).toMatchObject({ status: 200, body: { status: 'refunded', refundedAmount: inr(40000) } });
  expect(rest.body.refunds).toHaveLength(3);
  const again = await adminRefund(payment.id, { amount: inr(100), reason: 'Once more.' });
  expect(again).toMatchObject({ status: 409, body: { code: 'not_refundable' } });

  // The patient's own view of the appointment's payment shows each refund.
  const seen = await call<PaymentView>('GET', `/api/appointments/${payment.appointmentId}/payment`, {
    token: patient.token,
  });
  expect(seen.body).toMatchObject({ status: 'refunded', refundedAmount: inr(40000) });
  expect(seen.body.refunds.map((refund) => refund.amount.amount)).toEqual([15000, 5000, 20000]);
});

it('refuses refunds by non-admins (403) and malformed refunds (400), refunding nothing', async () => {
  const payment = await paidPayment();
  expect((await adminRefund(payment.id, { reason: 'Mine.' }, { token: patient.token })).status).toBe(403);
  expect((await adminRefund(payment.id, { reason: 'Mine.' }, { token: doctor.token })).status).toBe(403);
  expect((await call('GET', `/api/admin/payments/${payment.id}`, { token: patient.token })).status).toBe(403);
  expect((await call('GET', '/api/admin/payments', { token: doctor.token })).status).toBe(403);

  for (const body of [
    {},
    { reason: '  ' },
    { reason: 'x'.repeat(501) },
    { amount: inr(0), reason: 'Nothing at all.' },
    { amount: inr(1.5), reason: 'Half a paisa.' },
    { amount: { amount: 100, currency: 'USD' }, reason: 'Wrong money.' },
    { amount: 100, reason: 'Not money.' },
  ]) {
    const refused = await adminRefund(payment.id, body);
    expect({ body, status: refused.status, code: refused.body.code }).toEqual({
      body,
      status: 400,
      code: 'invalid_input',
    });
  }
  const withoutKey = await call('POST', `/api/admin/payments/${payment.id}/refund`, {
    token: adminToken,
    body: { reason: 'No key.' },
  });
  expect(withoutKey).toMatchObject({ status: 400, body: { code: 'invalid_input' } });
  expect((await adminRefund(payment.id, { reason: 'Bad key.' }, { key: 'short' })).status).toBe(400);
  expect((await adminRefund('no-such-payment', { reason: 'Nobody.' })).status).toBe(404);
  expect(
    (await call('GET', '/api/admin/payments?status=owed&from=yesterday', { token: adminToken })).status,
  ).toBe(400);

  const unchanged = await call<PaymentView>('GET', `/api/admin/payments/${payment.id}`, {
    token: adminToken,
  });
  expect(unchanged.body).toMatchObject({ status: 'paid', refundedAmount: inr(0), refunds: [] });
});

it('a cancellation after a partial refund refunds the rest', async () => {
  const payment = await paidPayment();
  expect((await adminRefund(payment.id, { amount: inr(10000), reason: 'Late start.' })).status).toBe(200);
  const cancelled = await call('POST', `/api/appointments/${payment.appointmentId}/cancel`, {
    token: doctor.token,
    body: {},
  });
  expect(cancelled.status).toBe(200);
  const refunded = (await waitFor(
    async () => {
      const now = await call<PaymentView>('GET', `/api/admin/payments/${payment.id}`, { token: adminToken });
      return now.body.status === 'refunded' ? now.body : undefined;
    },
    15000,
    'the rest refunded',
  )) as PaymentView;
  expect(refunded.refunds.map((refund) => [refund.kind, refund.amount.amount])).toEqual([
    ['admin', 10000],
    ['appointment_cancelled', 30000],
  ]);
});

/** A receipt download: the PDF's bytes and its text (whitespace folded), or the error's status. */
const receipt = async (path: string, token: string, language?: string) => {
  const response = await fetch(`${platform.baseUrl}${path}`, {
    headers: { authorization: `Bearer ${token}`, ...(language ? { 'accept-language': language } : {}) },
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const isPdf = response.headers.get('content-type') === 'application/pdf';
  return {
    status: response.status,
    disposition: response.headers.get('content-disposition') ?? '',
    text: isPdf ? (await extractPdfText(bytes)).replace(/\s+/g, ' ') : '',
  };
};

it('a paid payment and its refund each have a PDF receipt, for the payer and admins only', async () => {
  const appointmentId = await book(patient);
  const created = await call<PaymentView>('POST', `/api/appointments/${appointmentId}/payment`, {
    token: patient.token,
  });
  const base = `/api/payments/${created.body.id}`;
  expect(await receipt(`${base}/receipt`, patient.token)).toMatchObject({ status: 409 });
  await call('POST', `${base}/sandbox-checkout`, { token: patient.token, body: { outcome: 'paid' } });

  const paid = await receipt(`${base}/receipt`, patient.token);
  expect(paid.status).toBe(200);
  expect(paid.disposition).toMatch(/^attachment; filename="receipt-\d{4}-\d{2}-\d{2}-[A-Za-z0-9]{8}\.pdf"$/);
  for (const words of ['Payment receipt', 'Meena Payer', 'Dr Paisa Rao', '₹400.00', created.body.id, 'IST']) {
    expect(paid.text).toContain(words);
  }
  // Asked from an app shown in Hindi: Hindi labels; the names, the amount and the ids as they are.
  const inHindi = await receipt(`${base}/receipt`, patient.token, 'hi-IN,hi;q=0.9,en;q=0.8');
  expect(inHindi.status).toBe(200);
  for (const words of ['भुगतान रसीद', 'Meena Payer', 'Dr Paisa Rao', '₹400.00', created.body.id, 'IST']) {
    expect(inHindi.text).toContain(words);
  }
  for (const label of ['Payment receipt', 'Billed to', 'Amount paid', 'Paid through']) {
    expect(inHindi.text).not.toContain(label);
  }
  expect((await receipt(`${base}/receipt`, adminToken)).status).toBe(200);
  const stranger = await registerPatient(call, 'Receipt Stranger');
  expect((await receipt(`${base}/receipt`, stranger.token)).status).toBe(404);
  expect((await receipt(`${base}/receipt`, doctor.token)).status).toBe(403);
  expect((await receipt(`${base}/refunds/nothing-here/receipt`, patient.token)).status).toBe(404);

  await call('POST', `/api/appointments/${appointmentId}/cancel`, { token: patient.token, body: {} });
  const refunded = await waitFor(
    async () => {
      const now = await call<PaymentView>('GET', `/api/appointments/${appointmentId}/payment`, {
        token: patient.token,
      });
      return now.body.refunds[0];
    },
    15000,
    'the refund',
  );
  const refundReceipt = await receipt(`${base}/refunds/${refunded.id}/receipt`, patient.token);
  expect(refundReceipt.status).toBe(200);
  for (const words of ['Refund receipt', '₹400.00', 'The appointment was cancelled', created.body.id]) {
    expect(refundReceipt.text).toContain(words);
  }
  expect((await receipt(`${base}/receipt`, patient.token)).status).toBe(200);
});

interface EarningsBody {
  timezone: string;
  totals: Record<'fee' | 'paid' | 'refunded' | 'net' | 'unpaid', { amount: number }> & {
    consultations: number;
  };
  weeks: { consultations: number }[];
  months: { consultations: number }[];
  consultations: { appointmentId: string; paymentStatus: string; refunded: { amount: number } }[];
}

it("a doctor's earnings: paid, partly refunded and unpaid consultations to the paisa; theirs alone", async () => {
  const earner = await verifiedDoctorWithHours(call, adminToken, 'Dr Kamai Iyer');
  const paid = await paidPayment(earner);
  const partly = await paidPayment(earner);
  expect((await adminRefund(partly.id, { amount: inr(15000), reason: 'Part of the fee back' })).status).toBe(
    200,
  );
  const unpaidId = await book(patient, earner);
  const cancelledId = await book(patient, earner);
  expect(
    (await call('POST', `/api/appointments/${cancelledId}/cancel`, { token: patient.token, body: {} }))
      .status,
  ).toBe(200);

  // Days in the doctor's zone, from yesterday to well past the bookings (72 h and more ahead).
  const day = (offsetDays: number) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(
      new Date(Date.now() + offsetDays * 86_400_000),
    );
  const period = `from=${day(-1)}&to=${day(45)}&tz=Asia/Kolkata`;
  const earnings = await call<EarningsBody>('GET', `/api/doctors/me/earnings?${period}`, {
    token: earner.token,
  });
  expect(earnings.status).toBe(200);
  expect(earnings.body.timezone).toBe('Asia/Kolkata');
  expect(earnings.body.totals).toEqual({
    consultations: 3,
    fee: inr(120000),
    paid: inr(80000),
    refunded: inr(15000),
    net: inr(65000),
    unpaid: inr(40000),
  });
  const statusOf = (id: string) =>
    earnings.body.consultations.find((line) => line.appointmentId === id)?.paymentStatus;
  expect(statusOf(paid.appointmentId)).toBe('paid');
  expect(statusOf(partly.appointmentId)).toBe('partially_refunded');
  expect(statusOf(unpaidId)).toBe('unpaid');
  expect(statusOf(cancelledId)).toBeUndefined();
  const sum = (periods: { consultations: number }[]) =>
    periods.reduce((all, one) => all + one.consultations, 0);
  expect(sum(earnings.body.weeks)).toBe(3);
  expect(sum(earnings.body.months)).toBe(3);

  // The same as CSV: a header and one line per consultation, amounts in rupees.
  const csv = await fetch(`${platform.baseUrl}/api/doctors/me/earnings.csv?${period}`, {
    headers: { authorization: `Bearer ${earner.token}` },
  });
  expect(csv.status).toBe(200);
  expect(csv.headers.get('content-type')).toContain('text/csv');
  const lines = (await csv.text()).trim().split('\r\n');
  expect(lines[0]).toBe(
    'startAt,appointmentId,appointmentStatus,paymentStatus,currency,fee,paid,refunded,net,unpaid',
  );
  expect(lines).toHaveLength(4);
  expect(lines.find((line) => line.includes(partly.appointmentId))).toMatch(
    /,partially_refunded,INR,400\.00,400\.00,150\.00,250\.00,0\.00$/,
  );

  // Another doctor sees none of it; patients and admins are refused; the doctor is never a parameter.
  const other = await verifiedDoctorWithHours(call, adminToken, 'Dr Other Kamai');
  const theirs = await call<EarningsBody>('GET', `/api/doctors/me/earnings?${period}`, {
    token: other.token,
  });
  expect(theirs.status).toBe(200);
  expect(theirs.body.totals.consultations).toBe(0);
  expect(theirs.body.consultations).toEqual([]);
  expect((await call('GET', `/api/doctors/me/earnings?${period}`, { token: patient.token })).status).toBe(
    403,
  );
  expect((await call('GET', `/api/doctors/me/earnings?${period}`, { token: adminToken })).status).toBe(403);
  expect((await call('GET', `/api/doctors/me/earnings?${period}`)).status).toBe(401);
  expect((await call('GET', `/api/doctors/me/earnings.csv?${period}`, { token: patient.token })).status).toBe(
    403,
  );
  for (const bad of [
    'tz=Mars/Olympus',
    `from=${day(2)}&to=${day(1)}`,
    'from=2026-02-30',
    'from=2024-01-01&to=2026-01-01',
    `doctorId=${earner.id}`,
  ]) {
    const refused = await call('GET', `/api/doctors/me/earnings?${bad}`, { token: other.token });
    expect([bad, refused.status]).toEqual([bad, 400]);
  }
});

it('reports payment-service in the health aggregation', async () => {
  const health = await call<{ services: Record<string, string> }>('GET', '/api/health');
  expect(health.body.services.payment).toBe('up');
});

describe('admin analytics', () => {
  const zone = 'Asia/Kolkata';
  const dateIn = (at: number) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(at));
  // Today (payments) to a few weeks ahead (the bookings, days ahead), in India.
  const range = `from=${dateIn(Date.now() - 86_400_000)}&to=${dateIn(Date.now() + 40 * 86_400_000)}&tz=${zone}`;
  const figures = () =>
    call<AnalyticsReportView>('GET', `/api/admin/analytics?${range}`, { token: adminToken });
  /** The figures once two reads a second apart agree: no event of an earlier test still on its way. */
  const settledFigures = async () =>
    (await waitFor(
      async () => {
        const first = JSON.stringify((await figures()).body);
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const second = (await figures()).body;
        return JSON.stringify(second) === first ? second : undefined;
      },
      15000,
      'settled figures',
    )) as AnalyticsReportView;

  it('a booking and its payment move the figures; the tables download as CSV', async () => {
    const before = await settledFigures();
    const appointmentId = await book(patient);
    const created = await call<PaymentView>('POST', `/api/appointments/${appointmentId}/payment`, {
      token: patient.token,
    });
    const { raw, headers } = sandboxWebhook(created.body.checkout?.orderId ?? '');
    expect((await call('POST', '/api/payments/webhooks/sandbox', { raw, headers })).status).toBe(200);

    // waitFor answers the check's truthy value: the figures that moved.
    const after = (await waitFor(
      async () => {
        const now = (await figures()).body;
        return now.summary.open === before.summary.open + 1 &&
          now.summary.revenue.amount === before.summary.revenue.amount + 40000
          ? now
          : undefined;
      },
      15000,
      'the booking and payment in the figures',
    )) as AnalyticsReportView;
    expect(after.summary.consultations).toBe(before.summary.consultations + 1);
    // Published round the clock from today (verifiedDoctorWithHours): the booked half hour is a share of it.
    const row = after.utilisation.find((entry) => entry.doctorId === doctor.id);
    expect(row).toMatchObject({ doctorName: 'Dr Paisa Rao', specialty: 'General Medicine' });
    expect(row?.publishedMinutes).toBeGreaterThan(40 * 24 * 60);
    expect(row?.bookedMinutes).toBeGreaterThanOrEqual(30);

    const csv = await fetch(`${platform.baseUrl}/api/admin/analytics/export.csv?${range}&table=specialties`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('specialty,consultations,completed');
    const medicine = after.specialties.find((entry) => entry.specialty === 'General Medicine');
    expect(lines).toContain(`General Medicine,${medicine?.consultations},${medicine?.completed}`);
  });

  it('answers 400 to a range or table it cannot report, 403 to non-admins and 401 without a session', async () => {
    const ask = (query: string, token: string | undefined = adminToken) =>
      call('GET', `/api/admin/analytics${query}`, { token });
    for (const query of [
      '?from=2026-11-30&to=2026-11-01&tz=Asia/Kolkata',
      '?from=2024-01-01&to=2026-11-30&tz=Asia/Kolkata',
      '?from=2026-11-01&to=2026-11-30&tz=Mars/Olympus',
      '?from=2026-13-01&to=2026-11-30&tz=UTC',
      '?to=2026-11-30&tz=UTC',
      '/export.csv?from=2026-11-01&to=2026-11-30&tz=UTC&table=patients',
    ])
      expect({ query, status: (await ask(query)).status }).toEqual({ query, status: 400 });
    expect((await ask(`?${range}`, patient.token)).status).toBe(403);
    expect((await ask(`?${range}`, doctor.token)).status).toBe(403);
    expect((await call('GET', `/api/admin/analytics?${range}`)).status).toBe(401);
    expect((await call('POST', '/api/admin/analytics/rebuild', { token: doctor.token })).status).toBe(403);
  });

  it('a rebuild from the event log gives the same figures', async () => {
    const before = await settledFigures();
    const rebuilt = await call<{ replayed: number }>('POST', '/api/admin/analytics/rebuild', {
      token: adminToken,
    });
    expect(rebuilt.status).toBe(200);
    expect(rebuilt.body.replayed).toBeGreaterThan(0);
    expect((await figures()).body).toEqual(before);
  });
});
