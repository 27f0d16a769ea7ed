import { Injectable, Logger } from '@nestjs/common';
import { REFUNDABLE_PAYMENT_STATUSES, type AppointmentView, type EventEnvelope } from '@arogyam/contracts';
import { PaymentsService } from '../payments/payments.service';
import { RefundsService } from './refunds.service';

const isCancelledAppointment = (payload: unknown): payload is AppointmentView => {
  const appointment = payload as Partial<AppointmentView> | null;
  return Boolean(appointment?.id && appointment.status === 'cancelled');
};

/**
 * The refund policy on `appointment.cancelled`: a paid payment is refunded in full (all that an
 * admin has not refunded already), except when
 * the patient cancelled late (inside appointment-service's LATE_CANCELLATION_HOURS), which keeps
 * the fee. A late cancellation by the doctor or an admin is refunded. Unpaid payments stay as
 * they are (a later capture is the admin's to refund).
 */
@Injectable()
export class CancellationRefunds {
  private readonly logger = new Logger(CancellationRefunds.name);

  constructor(
    private readonly payments: PaymentsService,
    private readonly refunds: RefundsService,
  ) {}

  async handle(event: EventEnvelope): Promise<void> {
    if (!isCancelledAppointment(event.payload)) {
      // Redelivery cannot mend a malformed event: log it for an operator and let it be acked.
      this.logger.error(`Ignoring ${event.type} ${event.id}: not a cancelled appointment`);
      return;
    }
    const appointment = event.payload;
    const payment = await this.payments.live(appointment.id);
    if (!payment || !REFUNDABLE_PAYMENT_STATUSES.includes(payment.status)) return;
    if (appointment.cancelledLate && appointment.cancelledBy === 'patient') {
      this.logger.log(`No refund of payment ${payment._id}: the patient cancelled late`);
      return;
    }
    await this.refunds.refund(payment, {
      kind: 'appointment_cancelled',
      reason: 'The appointment was cancelled.',
      requestKey: `event:${event.id}`,
    });
  }
}
