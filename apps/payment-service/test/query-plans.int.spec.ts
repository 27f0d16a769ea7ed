import { randomUUID } from 'node:crypto';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { PaymentEventTypes } from '@arogyam/contracts';
import { createEvent } from '@arogyam/messaging';
import { pageWindow } from '@arogyam/persistence';
import {
  startServiceUnderTest,
  unindexedQueriesOf,
  type RecordedQuery,
  type ServiceUnderTest,
} from '@arogyam/testing';
import { PaymentRepository } from '../src/payments/payment.repository';
import { PaymentTransitionRepository, transitionId } from '../src/payments/payment-transition.repository';
import { paymentService } from '../src/payment-service';

/**
 * Admins' payment search by dates alone (or by nothing) reads every payment on FerretDB, which
 * pushes down equality only: it is admin-only and paged, and on MongoDB `{createdAt: -1, _id: 1}`
 * serves the range in order. Any equality field it is given chooses an index, and is checked.
 */
const adminSearchByDatesAlone = (query: RecordedQuery): boolean =>
  query.collection === 'payments' &&
  ['find', 'count'].includes(query.operation) &&
  Object.keys(query.filter).every((field) => field === 'createdAt');

/** Every query each repository of payment-service sends is served by an index (query-plans.ts). */
describe('payment-service query plans', () => {
  let service: ServiceUnderTest;
  let connection: Connection;

  beforeAll(async () => {
    service = await startServiceUnderTest(paymentService, {
      PAYMENT_SANDBOX_SECRET: 'payment-query-plans-sandbox-secret',
    });
    connection = service.app.get<Connection>(getConnectionToken());
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('serves every query of payments from an index', async () => {
    const payments = service.app.get(PaymentRepository);
    const paymentId = randomUUID();
    const appointmentId = randomUUID();
    const patientId = randomUUID();
    const fee = { amount: 75000, currency: 'INR' as const };
    const orderId = `sandbox_order_${paymentId}`;
    const unserved = await unindexedQueriesOf(
      connection,
      async () => {
        await payments.insert({
          _id: paymentId,
          appointmentId,
          activeAppointmentKey: appointmentId,
          patientId,
          doctorId: randomUUID(),
          amount: fee,
          status: 'created',
          provider: 'sandbox',
          providerOrderId: orderId,
          checkout: { provider: 'sandbox', orderId, amount: fee },
        });
        await payments.findById(paymentId);
        await payments.liveFor(appointmentId);
        await payments.latestFor(appointmentId);
        await payments.latestStatusesOf([appointmentId, randomUUID()], 'doctor-of-the-queue');
        await payments.latestStatusesOf([appointmentId]);
        await payments.ofDoctorAppointments('doctor-of-the-queue', [appointmentId, randomUUID()]);
        await payments.findByProviderOrder(orderId);
        await payments.pageOfPatient(patientId, pageWindow({}));
        // Admins' search: each field alone chooses its index; dates narrow it, or stand alone.
        const lastWeek = { from: new Date(Date.now() - 7 * 86_400_000), to: new Date() };
        await payments.search({ appointmentId }, pageWindow({}));
        await payments.search({ patientId, ...lastWeek }, pageWindow({}));
        await payments.search({ status: 'partially_refunded' }, pageWindow({}));
        await payments.search(lastWeek, pageWindow({}));
        await payments.addRefund(
          paymentId,
          {
            refund: {
              id: 'sandbox_refund_1',
              amount: { amount: 100, currency: 'INR' },
              kind: 'admin',
              reason: 'A query plan.',
              requestKey: 'admin:a:k',
              refundedAt: new Date(),
            },
            refundedBefore: 0,
            status: 'partially_refunded',
          },
          createEvent(PaymentEventTypes.refunded, { id: paymentId }),
        );
        await payments.move(
          paymentId,
          'created',
          { to: 'failed', set: { failureReason: 'Declined.' }, releaseAppointment: true },
          createEvent(PaymentEventTypes.failed, { id: paymentId }),
        );
      },
      adminSearchByDatesAlone,
    );
    expect(unserved).toEqual([]);
  });

  it('serves every query of paymentTransitions from an index', async () => {
    const claims = service.app.get(PaymentTransitionRepository);
    const paymentId = randomUUID();
    const claimId = transitionId(paymentId, 'created');
    const eventId = randomUUID();
    const unserved = await unindexedQueriesOf(connection, async () => {
      await claims.insert({
        _id: claimId,
        paymentId,
        to: 'paid',
        eventId,
        cause: 'sandbox:evt_1',
        claimedAt: new Date(),
      });
      await claims.findById(claimId);
      await claims.release(claimId, eventId);
    });
    expect(unserved).toEqual([]);
  });
});
