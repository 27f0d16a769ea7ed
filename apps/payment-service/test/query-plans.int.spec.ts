import { randomUUID } from 'node:crypto';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { PaymentEventTypes } from '@arogyam/contracts';
import { createEvent } from '@arogyam/messaging';
import { pageWindow } from '@arogyam/persistence';
import { startServiceUnderTest, unindexedQueriesOf, type ServiceUnderTest } from '@arogyam/testing';
import { PaymentRepository } from '../src/payments/payment.repository';
import { PaymentTransitionRepository, transitionId } from '../src/payments/payment-transition.repository';
import { paymentService } from '../src/payment-service';

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
    const unserved = await unindexedQueriesOf(connection, async () => {
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
      await payments.findByProviderOrder(orderId);
      await payments.pageOfPatient(patientId, pageWindow({}));
      await payments.move(
        paymentId,
        'created',
        { to: 'failed', set: { failureReason: 'Declined.' }, releaseAppointment: true },
        createEvent(PaymentEventTypes.failed, { id: paymentId }),
      );
    });
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
