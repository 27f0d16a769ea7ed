import { Injectable } from '@nestjs/common';
import {
  requireRole,
  type Actor,
  type EarningsConsultationView,
  type EarningsQueryDto,
  type EarningsView,
} from '@arogyam/contracts';
import type { StoredPayment } from '../payments/payment.schema';
import { PaymentRepository } from '../payments/payment.repository';
import { UpstreamServices } from '../upstream/upstream-services';
import { DoctorConsultationsLookup } from './doctor-consultations.lookup';
import { earningsPeriod } from './earnings-period';
import { consultationLine, countingPayment, totalsOf } from './earnings-totals';

/** Payments are read for this many appointments at a time (one `$in` each). */
const PAYMENTS_CHUNK = 200;

/**
 * A doctor's own earnings: appointment-service says which consultations the doctor had (as that
 * doctor), this service what was paid and refunded for them (docs/decisions.md, "Earnings").
 */
@Injectable()
export class EarningsService {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly consultations: DoctorConsultationsLookup,
    private readonly upstream: UpstreamServices,
  ) {}

  async of(actor: Actor, query: EarningsQueryDto = {}): Promise<EarningsView> {
    requireRole(actor, 'doctor');
    const period = earningsPeriod(query, new Date());
    const consultations = await this.consultations.of(actor, period.start, period.end);
    const paymentsByAppointment = await this.paymentsOf(
      actor.userId,
      consultations.map((consultation) => consultation.id),
    );
    const feeNow = consultations.length
      ? (await this.upstream.doctorProfile(actor.userId)).consultationFee
      : { amount: 0, currency: 'INR' as const };
    const lines: EarningsConsultationView[] = [];
    for (const consultation of consultations) {
      const payment = countingPayment(paymentsByAppointment.get(consultation.id) ?? []);
      const line = consultationLine(consultation, payment, feeNow);
      if (line) lines.push(line);
    }
    return {
      timezone: period.timezone,
      from: period.from,
      to: period.to,
      ...totalsOf(lines, period.timezone, feeNow.currency),
      consultations: lines,
    };
  }

  private async paymentsOf(
    doctorId: string,
    appointmentIds: string[],
  ): Promise<Map<string, StoredPayment[]>> {
    const byAppointment = new Map<string, StoredPayment[]>();
    for (let at = 0; at < appointmentIds.length; at += PAYMENTS_CHUNK) {
      const chunk = appointmentIds.slice(at, at + PAYMENTS_CHUNK);
      for (const payment of await this.payments.ofDoctorAppointments(doctorId, chunk)) {
        const list = byAppointment.get(payment.appointmentId) ?? [];
        list.push(payment);
        byAppointment.set(payment.appointmentId, list);
      }
    }
    return byAppointment;
  }
}
