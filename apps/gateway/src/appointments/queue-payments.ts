import { Injectable, Logger } from '@nestjs/common';
import {
  PaymentSubjects,
  type Actor,
  type AppointmentPaymentStatusesView,
  type AppointmentQueueView,
} from '@arogyam/contracts';
import { bestEffort } from '../http/best-effort';
import { ServiceClient } from '../http/service-client';

/** The queue should not wait long for a badge: without an answer the entries carry none. */
const PAYMENT_STATUS_TIMEOUT_MS = 1_500;

/**
 * Paid or unpaid beside each patient of a doctor's day: the queue from appointment-service, each
 * entry's payment status from payment-service (which answers only for the doctor's own payments).
 */
@Injectable()
export class QueuePayments {
  private readonly logger = new Logger(QueuePayments.name);

  constructor(private readonly services: ServiceClient) {}

  async addTo(actor: Actor, queue: AppointmentQueueView): Promise<AppointmentQueueView> {
    if (queue.items.length === 0) return queue;
    const answer = await bestEffort(
      this.services.send<AppointmentPaymentStatusesView>(
        PaymentSubjects.statusOfAppointments,
        { actor, appointmentIds: queue.items.map((entry) => entry.id) },
        PAYMENT_STATUS_TIMEOUT_MS,
      ),
      this.logger,
      'payment statuses unavailable for a queue',
    );
    if (!answer) return queue;
    return {
      ...queue,
      items: queue.items.map((entry) => ({ ...entry, paymentStatus: answer.statuses[entry.id] ?? 'unpaid' })),
    };
  }
}
