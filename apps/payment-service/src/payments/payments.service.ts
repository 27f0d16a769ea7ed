import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  ACTIVE_APPOINTMENT_STATUSES,
  DomainError,
  isDuplicateKey,
  requireRole,
  type Actor,
  type AppointmentPaymentStatusesView,
  type AppointmentStatus,
  type Page,
  type PageQueryDto,
  type PaymentView,
} from '@arogyam/contracts';
import { pageWindow, toPage } from '@arogyam/persistence';
import { PAYMENT_PROVIDER, type PaymentProvider } from '../providers/payment-provider';
import { AppointmentLookup } from '@arogyam/service-kit';
import { UpstreamServices } from '../upstream/upstream-services';
import type { StoredPayment } from './payment.schema';
import { PaymentRepository } from './payment.repository';
import { toPaymentView } from './payment-views';

const PAYABLE: readonly AppointmentStatus[] = ACTIVE_APPOINTMENT_STATUSES;

@Injectable()
export class PaymentsService {
  constructor(
    private readonly payments: PaymentRepository,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    private readonly upstream: UpstreamServices,
    private readonly appointments: AppointmentLookup,
  ) {}

  /**
   * A patient's payment for their own active appointment, at the doctor's consultation fee. The
   * unpaid one already started is answered again; the unique `activeAppointmentKey` makes
   * concurrent creates end with one payment (the losers answer the winner's). Each create asks the
   * provider for an order first, so a lost race leaves an unused order, which expires unpaid.
   */
  async create(actor: Actor, appointmentId: string): Promise<PaymentView> {
    requireRole(actor, 'patient');
    const appointment = await this.appointments.forActor(actor, appointmentId);
    if (appointment.patientId !== actor.userId) throw DomainError.notFound('Appointment not found.');
    const existing = await this.live(appointmentId);
    if (existing) return this.unpaid(existing);
    if (!PAYABLE.includes(appointment.status)) {
      throw DomainError.conflict(
        `Only an upcoming appointment can be paid for; this one is ${appointment.status}.`,
      );
    }
    const { consultationFee: fee } = await this.upstream.doctorProfile(appointment.doctorId);
    if (fee.amount <= 0)
      throw DomainError.unprocessable('This consultation is free: there is nothing to pay.');
    const id = randomUUID();
    const order = await this.provider.createOrder(fee.amount, fee.currency, id);
    const payment = {
      _id: id,
      appointmentId,
      activeAppointmentKey: appointmentId,
      patientId: actor.userId,
      doctorId: appointment.doctorId,
      amount: { amount: fee.amount, currency: fee.currency },
      status: 'created' as const,
      provider: this.provider.name,
      providerOrderId: order.providerOrderId,
      checkout: order.checkout,
    };
    try {
      return toPaymentView(await this.payments.insert(payment));
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const winner = await this.live(appointmentId);
      if (!winner) throw DomainError.conflict('The payment was changed meanwhile; try again.');
      return this.unpaid(winner);
    }
  }

  /** The appointment's latest payment, for whoever appointment-service lets see the appointment. */
  async getForAppointment(actor: Actor, appointmentId: string): Promise<PaymentView> {
    await this.appointments.forActor(actor, appointmentId);
    const latest = await this.payments.latestFor(appointmentId);
    if (!latest) throw DomainError.notFound('This appointment has no payment yet.');
    return toPaymentView(latest);
  }

  /**
   * The payment status of a doctor's own appointments (their queue), or of any for an admin;
   * a doctor asking about someone else's appointment learns nothing of it (left out, as unpaid).
   */
  async statusesOf(actor: Actor, appointmentIds: string[]): Promise<AppointmentPaymentStatusesView> {
    if (actor.role !== 'doctor' && actor.role !== 'admin') {
      throw DomainError.forbidden('Only doctors and admins may see the payments of several appointments.');
    }
    const statuses = await this.payments.latestStatusesOf(
      [...new Set(appointmentIds)],
      actor.role === 'doctor' ? actor.userId : undefined,
    );
    return { statuses: Object.fromEntries(statuses) };
  }

  /** A patient's own payments, newest first. */
  async list(actor: Actor, query: PageQueryDto = {}): Promise<Page<PaymentView>> {
    requireRole(actor, 'patient');
    const window = pageWindow(query);
    const { documents, total } = await this.payments.pageOfPatient(actor.userId, window);
    return toPage(documents.map(toPaymentView), total, window);
  }

  /** The appointment's payment that is not failed, if any (at most one: the unique index). */
  live(appointmentId: string): Promise<StoredPayment | null> {
    return this.payments.liveFor(appointmentId);
  }

  private unpaid(payment: StoredPayment): PaymentView {
    if (payment.status !== 'created') {
      throw DomainError.conflict(`This appointment's payment is ${payment.status} already.`);
    }
    return toPaymentView(payment);
  }
}
