import { Injectable } from '@nestjs/common';
import { DomainError, type Actor, type PaymentReceiptPdf } from '@arogyam/contracts';
import { AppointmentLookup, currentRequestLanguage } from '@arogyam/service-kit';
import { PaymentServiceConfig } from '../config/payment-service.config';
import { PaymentRepository } from '../payments/payment.repository';
import type { StoredPayment } from '../payments/payment.schema';
import { refundsOf } from '../refunds/refund-balance';
import { receiptFilename, renderReceiptPdf, type ReceiptSubject } from './receipt-pdf';

const NOT_FOUND = 'Payment not found.';

/** Receipts exist for money that moved: a paid (or since refunded) payment, and each refund. */
const RECEIPTED = new Set<StoredPayment['status']>(['paid', 'partially_refunded', 'refunded']);

@Injectable()
export class PaymentReceiptsService {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly appointments: AppointmentLookup,
    private readonly config: PaymentServiceConfig,
  ) {}

  /**
   * The payment's receipt, or one refund's: for the patient who paid and for admins (support);
   * anyone else gets 404, as if the payment did not exist.
   */
  async render(actor: Actor, paymentId: string, refundId?: string): Promise<PaymentReceiptPdf> {
    const payment = await this.payments.findById(paymentId);
    const mayRead =
      actor.role === 'admin' || (actor.role === 'patient' && payment?.patientId === actor.userId);
    if (!payment || !mayRead) throw DomainError.notFound(NOT_FOUND);
    if (!RECEIPTED.has(payment.status)) {
      throw DomainError.conflict(`This payment is ${payment.status}: a receipt is issued once it is paid.`);
    }
    const subject = this.subjectOf(payment, refundId);
    // Names and the consultation's time come from appointment-service, which checks the caller too.
    const appointment = await this.appointments.forActor(actor, payment.appointmentId);
    const content = {
      payment,
      appointment,
      subject,
      timeZone: this.config.RECEIPT_TIME_ZONE,
      // The language of the app that asked (the gateway passes it): the labels are written in it.
      language: currentRequestLanguage(),
    };
    const pdf = await renderReceiptPdf(content);
    return { filename: receiptFilename(content), contentBase64: pdf.toString('base64') };
  }

  private subjectOf(payment: StoredPayment, refundId?: string): ReceiptSubject {
    if (refundId === undefined) return { kind: 'payment' };
    const refund = refundsOf(payment).find((each) => each.id === refundId);
    if (!refund) throw DomainError.notFound('Refund not found.');
    return { kind: 'refund', refund };
  }
}
