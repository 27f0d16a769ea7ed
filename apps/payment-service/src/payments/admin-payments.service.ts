import { Injectable } from '@nestjs/common';
import {
  DomainError,
  requireRole,
  type Actor,
  type Page,
  type PaymentSearchQueryDto,
  type PaymentView,
} from '@arogyam/contracts';
import { pageWindow, toPage } from '@arogyam/persistence';
import { PaymentRepository } from './payment.repository';
import { toPaymentView } from './payment-views';

/** Admins look payments up (to refund one, to answer a patient's question about a charge). */
@Injectable()
export class AdminPaymentsService {
  constructor(private readonly payments: PaymentRepository) {}

  async get(actor: Actor, paymentId: string): Promise<PaymentView> {
    requireRole(actor, 'admin');
    const payment = await this.payments.findById(paymentId);
    if (!payment) throw DomainError.notFound('Payment not found.');
    return toPaymentView(payment);
  }

  async search(actor: Actor, query: PaymentSearchQueryDto = {}): Promise<Page<PaymentView>> {
    requireRole(actor, 'admin');
    const window = pageWindow(query);
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    if (from && to && from >= to) throw DomainError.badRequest('`from` must be before `to`.');
    const { documents, total, totalIsLowerBound } = await this.payments.search(
      {
        ...(query.appointmentId ? { appointmentId: query.appointmentId } : {}),
        ...(query.patientId ? { patientId: query.patientId } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      },
      window,
    );
    return toPage(documents.map(toPaymentView), total, window, totalIsLowerBound);
  }
}
