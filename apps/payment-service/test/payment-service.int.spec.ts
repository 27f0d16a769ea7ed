import { createHmac, randomUUID } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import {
  AppointmentEventTypes,
  AppointmentSubjects,
  DoctorSubjects,
  EVENTS_STREAM,
  PaymentEventTypes,
  PaymentSubjects,
  eventSubject,
  type Actor,
  type AppointmentView,
  type DoctorProfileView,
  type EventEnvelope,
  type Page,
  type PaymentEventPayload,
  type PaymentView,
  type PaymentWebhookReceipt,
} from '@arogyam/contracts';
import { createEvent } from '@arogyam/messaging';
import { createServiceApp, loadConfig } from '@arogyam/service-kit';
import {
  natsEnv,
  rpcFailure,
  standIn,
  startServiceUnderTest,
  waitFor,
  waitForEventConsumers,
  type ServiceUnderTest,
} from '@arogyam/testing';
import { PaymentServiceConfig } from '../src/config/payment-service.config';
import { paymentService } from '../src/payment-service';

const SANDBOX_SECRET = 'payment-int-test-sandbox-secret';
const FEE = { amount: 75000, currency: 'INR' as const };

/** A sandbox webhook signed the documented way (hex HMAC-SHA256 of the raw body), independently of the service. */
const sandboxWebhook = (body: Record<string, unknown>, secret = SANDBOX_SECRET) => {
  const raw = Buffer.from(JSON.stringify(body));
  return {
    provider: 'sandbox',
    rawBody: raw.toString('base64'),
    headers: { 'x-sandbox-signature': createHmac('sha256', secret).update(raw).digest('hex') },
  };
};

describe('payment-service', () => {
  let service: ServiceUnderTest;
  const appointments = new Map<string, AppointmentView>();
  const doctorId = randomUUID();
  const admin: Actor = { userId: randomUUID(), role: 'admin' };
  const doctor: Actor = { userId: doctorId, role: 'doctor' };

  const patient = (): Actor => ({ userId: randomUUID(), role: 'patient' });

  const book = (patientActor: Actor): string => {
    const id = randomUUID();
    appointments.set(id, {
      id,
      doctorId,
      patientId: patientActor.userId,
      doctor: { id: doctorId, fullName: 'Dr Kavya Nair', specialization: 'General Medicine' },
      patient: { id: patientActor.userId, fullName: 'Ravi Kumar' },
      startAt: new Date(Date.now() + 86_400_000).toISOString(),
      endAt: new Date(Date.now() + 88_200_000).toISOString(),
      mode: 'video',
      status: 'booked',
      createdAt: new Date().toISOString(),
    });
    return id;
  };

  const create = (actor: Actor, appointmentId: string): Promise<PaymentView> =>
    service.rpc.send(PaymentSubjects.create, { actor, appointmentId });
  const getFor = (actor: Actor, appointmentId: string): Promise<PaymentView> =>
    service.rpc.send(PaymentSubjects.getForAppointment, { actor, appointmentId });
  const webhook = (message: ReturnType<typeof sandboxWebhook>): Promise<PaymentWebhookReceipt> =>
    service.rpc.send(PaymentSubjects.receiveWebhook, message);
  const captured = (payment: PaymentView, eventId = `evt_${randomUUID()}`) =>
    sandboxWebhook({
      id: eventId,
      event: 'payment.captured',
      orderId: payment.checkout?.orderId,
      paymentId: `pay_${randomUUID()}`,
    });

  const paidPayment = async (actor: Actor): Promise<{ appointmentId: string; payment: PaymentView }> => {
    const appointmentId = book(actor);
    const payment = await create(actor, appointmentId);
    await webhook(captured(payment));
    return { appointmentId, payment: await getFor(actor, appointmentId) };
  };

  /** Every event of `type` on the stream about this payment, in order (the test stream is small: read it all). */
  const eventsAbout = async (
    type: string,
    paymentId: string,
  ): Promise<EventEnvelope<string, PaymentEventPayload>[]> => {
    const jsm = await service.nats.jetstreamManager();
    const { state } = await jsm.streams.info(EVENTS_STREAM);
    const events: EventEnvelope<string, PaymentEventPayload>[] = [];
    for (let seq = state.first_seq; seq <= state.last_seq; seq += 1) {
      const stored = await jsm.streams.getMessage(EVENTS_STREAM, { seq }).catch(() => undefined);
      if (stored?.subject === eventSubject(type)) events.push(stored.json());
    }
    return events.filter((event) => event.payload.id === paymentId);
  };

  /** The cancellation appointment-service would publish. */
  const cancel = async (
    appointmentId: string,
    by: 'patient' | 'doctor',
    late: boolean,
  ): Promise<EventEnvelope> => {
    const appointment = appointments.get(appointmentId) as AppointmentView;
    Object.assign(appointment, { status: 'cancelled', cancelledLate: late, cancelledBy: by });
    const event = createEvent(AppointmentEventTypes.cancelled, { ...appointment });
    await service.events.publish(event);
    return event;
  };

  /** Until payment-service's durable consumers have acked everything delivered to them. */
  const consumerCaughtUp = () => waitForEventConsumers(service.nats, 'payment');

  const statusBecomes = (actor: Actor, appointmentId: string, status: PaymentView['status']) =>
    waitFor(
      async () => ((await getFor(actor, appointmentId)).status === status ? true : undefined),
      10000,
      `payment ${status}`,
    );

  beforeAll(async () => {
    service = await startServiceUnderTest(paymentService, { PAYMENT_SANDBOX_SECRET: SANDBOX_SECRET });
    standIn<{ actor: Actor; appointmentId: string }>(
      service.nats,
      AppointmentSubjects.getForActor,
      ({ actor, appointmentId }) => {
        const appointment = appointments.get(appointmentId);
        if (!appointment) return undefined;
        const visible =
          actor.role === 'admin' || [appointment.patientId, appointment.doctorId].includes(actor.userId);
        return visible ? appointment : undefined;
      },
    );
    standIn<{ doctorId: string }>(service.nats, DoctorSubjects.getProfileForService, (data) =>
      data.doctorId === doctorId ? ({ id: doctorId, consultationFee: FEE } as DoctorProfileView) : undefined,
    );
  }, 60000);

  /** The instance started again by the restart test; the first one is closed there. */
  let restarted: INestMicroservice | undefined;

  afterAll(async () => {
    await restarted?.close();
    await service?.stop();
  });

  it('creates a payment at the doctor fee, marks it paid by a signed webhook and publishes evt.payment.succeeded', async () => {
    const me = patient();
    const appointmentId = book(me);
    const payment = await create(me, appointmentId);
    expect(payment).toMatchObject({ appointmentId, amount: FEE, status: 'created', provider: 'sandbox' });
    expect(payment.checkout).toMatchObject({ provider: 'sandbox', amount: FEE });
    await expect(create(me, appointmentId)).resolves.toMatchObject({ id: payment.id, status: 'created' });

    await expect(webhook(captured(payment))).resolves.toEqual({ received: true, applied: true });
    const paid = await getFor(me, appointmentId);
    expect(paid).toMatchObject({ id: payment.id, status: 'paid' });
    expect(paid.checkout).toBeUndefined();
    await expect(getFor(doctor, appointmentId)).resolves.toMatchObject({ id: payment.id });
    await expect(getFor(admin, appointmentId)).resolves.toMatchObject({ id: payment.id });
    expect((await rpcFailure(getFor(patient(), appointmentId))).statusCode).toBe(404);
    expect((await rpcFailure(create(me, appointmentId))).statusCode).toBe(409);

    await waitFor(
      async () => (await eventsAbout(PaymentEventTypes.succeeded, payment.id)).length === 1 || undefined,
      10000,
      'evt.payment.succeeded',
    );
    const [event] = await eventsAbout(PaymentEventTypes.succeeded, payment.id);
    expect(event.payload).toMatchObject({ id: payment.id, appointmentId, status: 'paid', amount: FEE });
    const list = await service.rpc.send<Page<PaymentView>>(PaymentSubjects.list, { actor: me });
    expect(list).toMatchObject({ total: 1, items: [{ id: payment.id }] });
  });

  it('a replayed webhook, or another event for the same payment, changes nothing', async () => {
    const me = patient();
    const appointmentId = book(me);
    const payment = await create(me, appointmentId);
    const delivery = captured(payment, 'evt_replayed');
    await expect(webhook(delivery)).resolves.toEqual({ received: true, applied: true });
    const receipts = await Promise.all([webhook(delivery), webhook(delivery), webhook(captured(payment))]);
    expect(receipts.every((receipt) => !receipt.applied)).toBe(true);
    const failed = sandboxWebhook({
      id: 'evt_late_failure',
      event: 'payment.failed',
      orderId: payment.checkout?.orderId,
      paymentId: 'pay_x',
    });
    await expect(webhook(failed)).resolves.toEqual({ received: true, applied: false });
    expect(await getFor(me, appointmentId)).toMatchObject({ status: 'paid' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await eventsAbout(PaymentEventTypes.succeeded, payment.id)).toHaveLength(1);
    expect(await eventsAbout(PaymentEventTypes.failed, payment.id)).toHaveLength(0);
  });

  it('rejects a webhook with a bad or missing signature (401) and for another provider (404)', async () => {
    const me = patient();
    const payment = await create(me, book(me));
    const body = {
      id: 'evt_forged',
      event: 'payment.captured',
      orderId: payment.checkout?.orderId,
      paymentId: 'pay_f',
    };
    expect((await rpcFailure(webhook(sandboxWebhook(body, 'not-the-sandbox-secret')))).statusCode).toBe(401);
    expect((await rpcFailure(webhook({ ...sandboxWebhook(body), headers: {} }))).statusCode).toBe(401);
    expect((await rpcFailure(webhook({ ...sandboxWebhook(body), provider: 'razorpay' }))).statusCode).toBe(
      404,
    );
    const garbled = Buffer.from('not json');
    const signed = {
      provider: 'sandbox',
      rawBody: garbled.toString('base64'),
      headers: { 'x-sandbox-signature': createHmac('sha256', SANDBOX_SECRET).update(garbled).digest('hex') },
    };
    expect((await rpcFailure(webhook(signed))).statusCode).toBe(400);
    expect((await getFor(me, payment.appointmentId)).status).toBe('created');
  });

  it('keeps one payment per appointment under 10 concurrent creates', async () => {
    const me = patient();
    const appointmentId = book(me);
    const answers = await Promise.all(Array.from({ length: 10 }, () => create(me, appointmentId)));
    expect(new Set(answers.map((answer) => answer.id)).size).toBe(1);
    expect(await service.db.collection('payments').countDocuments({ appointmentId })).toBe(1);
  });

  it('a failed payment frees the appointment for a new one', async () => {
    const me = patient();
    const appointmentId = book(me);
    const first = await create(me, appointmentId);
    const failed = sandboxWebhook({
      id: `evt_${randomUUID()}`,
      event: 'payment.failed',
      orderId: first.checkout?.orderId,
      paymentId: 'pay_d',
      error: 'Card declined',
    });
    await expect(webhook(failed)).resolves.toMatchObject({ applied: true });
    expect(await getFor(me, appointmentId)).toMatchObject({
      id: first.id,
      status: 'failed',
      failureReason: 'Card declined',
    });
    const second = await create(me, appointmentId);
    expect(second.id).not.toBe(first.id);
    await waitFor(
      async () => (await eventsAbout(PaymentEventTypes.failed, first.id)).length === 1 || undefined,
      10000,
      'evt.payment.failed',
    );
  });

  it('completes a sandbox checkout for its own patient only', async () => {
    const me = patient();
    const appointmentId = book(me);
    const payment = await create(me, appointmentId);
    const complete = (actor: Actor) =>
      service.rpc.send<PaymentView>(PaymentSubjects.completeSandboxCheckout, {
        actor,
        paymentId: payment.id,
        body: { outcome: 'paid' },
      });
    expect((await rpcFailure(complete(patient()))).statusCode).toBe(404);
    await expect(complete(me)).resolves.toMatchObject({ id: payment.id, status: 'paid' });
    await expect(service.rpc.send(PaymentSubjects.provider, {})).resolves.toEqual({ provider: 'sandbox' });
  });

  it('refunds a paid payment in full when the appointment is cancelled, once, and publishes evt.payment.refunded', async () => {
    const me = patient();
    const { appointmentId, payment } = await paidPayment(me);
    const event = await cancel(appointmentId, 'patient', false);
    await statusBecomes(me, appointmentId, 'refunded');
    const refunded = await getFor(me, appointmentId);
    expect(refunded.refunds).toEqual([
      expect.objectContaining({
        amount: FEE,
        kind: 'appointment_cancelled',
        id: expect.stringMatching(/^sandbox_refund_/),
      }),
    ]);
    // A second delivery of the same fact under another id (appointment-service's outbox retrying).
    await service.events.publish({ ...event, id: randomUUID() });
    await consumerCaughtUp();
    expect((await getFor(me, appointmentId)).refunds).toEqual(refunded.refunds);
    await waitFor(
      async () => (await eventsAbout(PaymentEventTypes.refunded, payment.id)).length === 1 || undefined,
      10000,
      'evt.payment.refunded',
    );
  });

  it('keeps the fee of a late cancellation by the patient, and refunds a late one by the doctor', async () => {
    const me = patient();
    const late = await paidPayment(me);
    await cancel(late.appointmentId, 'patient', true);
    const byDoctor = await paidPayment(me);
    await cancel(byDoctor.appointmentId, 'doctor', true);
    await statusBecomes(me, byDoctor.appointmentId, 'refunded');
    await consumerCaughtUp();
    expect((await getFor(me, late.appointmentId)).status).toBe('paid');

    // An admin may still refund it by hand, once for one idempotency key.
    const byHand = (actor: Actor, idempotencyKey: string) =>
      service.rpc.send<PaymentView>(PaymentSubjects.refund, {
        actor,
        paymentId: late.payment.id,
        body: { reason: 'Refunded by hand after a complaint.' },
        idempotencyKey,
      });
    expect((await rpcFailure(byHand(me, 'patient-key-1'))).statusCode).toBe(403);
    const byAdmin = await byHand(admin, 'admin-key-1');
    expect(byAdmin).toMatchObject({
      status: 'refunded',
      refunds: [{ kind: 'admin', amount: FEE, reason: 'Refunded by hand after a complaint.' }],
    });
    await expect(byHand(admin, 'admin-key-1')).resolves.toMatchObject({ refunds: byAdmin.refunds });
    expect((await rpcFailure(byHand(admin, 'admin-key-2'))).statusCode).toBe(409);
  });

  it('a restarted instance refunds a cancellation that came while it was down, exactly once', async () => {
    const me = patient();
    const { appointmentId, payment } = await paidPayment(me);
    await consumerCaughtUp();
    await service.app.close();
    const event = await cancel(appointmentId, 'patient', false);
    await service.events.publish({ ...event, id: randomUUID() });
    const config = loadConfig(PaymentServiceConfig, {
      MONGO_URL: service.infra.mongoUrl,
      MONGO_DB: service.dbName,
      ...natsEnv(service.infra, 'payment'),
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
      PAYMENT_SANDBOX_SECRET: SANDBOX_SECRET,
    });
    restarted = await createServiceApp(paymentService, config);
    await restarted.listen();
    await statusBecomes(me, appointmentId, 'refunded');
    await consumerCaughtUp();
    await waitFor(
      async () => (await eventsAbout(PaymentEventTypes.refunded, payment.id)).length === 1 || undefined,
      10000,
      'evt.payment.refunded',
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await eventsAbout(PaymentEventTypes.refunded, payment.id)).toHaveLength(1);
    expect(await service.db.collection('paymentTransitions').countDocuments({ paymentId: payment.id })).toBe(
      2,
    );
  });
});
