import { Injectable } from '@nestjs/common';
import { InjectModel, type ModelDefinition } from '@nestjs/mongoose';
import type { FilterQuery, Model, UpdateQuery } from 'mongoose';
import type { EventEnvelope, PatientDataPage, PaymentStatus } from '@arogyam/contracts';
import {
  findPage,
  findPageCountingAhead,
  patientDataPage,
  pushToOutbox,
  type PageWindow,
  type TotalCountedAhead,
} from '@arogyam/persistence';
import { Payment, PaymentSchema, type StoredPayment, type StoredRefund } from './payment.schema';
import { toPaymentView } from './payment-views';

const WITHOUT_OUTBOX = { outbox: 0 } as const;

// One live payment per appointment (`liveFor`): a second insert with the same key is refused
// (E11000). Sparse: a failed payment has the key `$unset`, and payments without it never collide.
PaymentSchema.index({ activeAppointmentKey: 1 }, { unique: true, sparse: true });
// A webhook finds its payment by the provider's order (`findByProviderOrder`).
PaymentSchema.index({ providerOrderId: 1 }, { unique: true });
// A patient's payments, newest first (`pageOfPatient`; `_id` is the sort's tie-break).
PaymentSchema.index({ patientId: 1, createdAt: -1, _id: 1 });
// An appointment's attempts, the latest first (`latestFor`, admins' `search` by appointment).
PaymentSchema.index({ appointmentId: 1, createdAt: -1 });
// Admins' `search` by status, or by dates alone, newest first.
PaymentSchema.index({ status: 1, createdAt: -1, _id: 1 });
PaymentSchema.index({ createdAt: -1, _id: 1 });

/** `payments`; a single payment is read and moved by `_id`. */
export const paymentModel: ModelDefinition = { name: Payment.name, schema: PaymentSchema };

/** A payment as created: unpaid, no outbox yet. */
export type NewPayment = Omit<StoredPayment, 'createdAt'>;

/** One status move as written: what it sets, and whether it frees the appointment for another payment. */
export interface PaymentMoveWrite {
  to: PaymentStatus;
  set: Partial<StoredPayment>;
  releaseAppointment: boolean;
}

/** Admins' payment search: each field narrows; dates are of creation, `to` exclusive. */
export interface PaymentSearch {
  appointmentId?: string;
  patientId?: string;
  status?: PaymentStatus;
  from?: Date;
  to?: Date;
}

/** One refund as written: the refund, the total given back before and after it, and the status after. */
export interface RefundWrite {
  refund: StoredRefund;
  refundedBefore: number;
  status: PaymentStatus;
}

const REFUNDABLE: PaymentStatus[] = ['paid', 'partially_refunded'];

/** Every read and write of `payments`. */
@Injectable()
export class PaymentRepository {
  constructor(@InjectModel(Payment.name) private readonly payments: Model<Payment>) {}

  /** Inserts the payment; rejects with E11000 when its appointment has a live payment already. */
  async insert(payment: NewPayment): Promise<StoredPayment> {
    const created = await this.payments.create(payment);
    return created.toObject<Payment>();
  }

  findById(paymentId: string): Promise<StoredPayment | null> {
    return this.payments.findById(paymentId, WITHOUT_OUTBOX).lean<StoredPayment>().exec();
  }

  /** The appointment's payment that is not failed, if any (at most one: the unique index). */
  liveFor(appointmentId: string): Promise<StoredPayment | null> {
    return this.payments
      .findOne({ activeAppointmentKey: appointmentId }, WITHOUT_OUTBOX)
      .lean<StoredPayment>()
      .exec();
  }

  /** The appointment's latest payment, whatever its status. */
  async latestFor(appointmentId: string): Promise<StoredPayment | null> {
    const [latest] = await this.payments
      .find({ appointmentId }, WITHOUT_OUTBOX)
      .sort({ createdAt: -1 })
      .limit(1)
      .lean<StoredPayment[]>()
      .exec();
    return latest ?? null;
  }

  /**
   * The latest payment status of each of `appointmentIds` that has a payment, of one doctor's
   * payments when `doctorId` is given (by `{appointmentId, createdAt}`; a doctor's few payments
   * per appointment are read, newest first, and the first of each kept).
   */
  async latestStatusesOf(
    appointmentIds: string[],
    doctorId?: string,
  ): Promise<Map<string, StoredPayment['status']>> {
    const payments = await this.payments
      .find(
        { appointmentId: { $in: appointmentIds }, ...(doctorId ? { doctorId } : {}) },
        { appointmentId: 1, status: 1 },
      )
      .sort({ appointmentId: 1, createdAt: -1 })
      .lean<Pick<StoredPayment, 'appointmentId' | 'status'>[]>()
      .exec();
    const statuses = new Map<string, StoredPayment['status']>();
    for (const payment of payments)
      if (!statuses.has(payment.appointmentId)) statuses.set(payment.appointmentId, payment.status);
    return statuses;
  }

  /**
   * Every payment of `appointmentIds` that is `doctorId`'s (earnings), by the `{appointmentId,
   * createdAt}` index; without the outbox and the checkout.
   */
  ofDoctorAppointments(doctorId: string, appointmentIds: string[]): Promise<StoredPayment[]> {
    return this.payments
      .find({ appointmentId: { $in: appointmentIds }, doctorId }, { outbox: 0, checkout: 0 })
      .lean<StoredPayment[]>()
      .exec();
  }

  findByProviderOrder(providerOrderId: string): Promise<StoredPayment | null> {
    return this.payments.findOne({ providerOrderId }, WITHOUT_OUTBOX).lean<StoredPayment>().exec();
  }

  /** A page of the patient's payments, newest first, and how many there are. */
  pageOfPatient(
    patientId: string,
    window: PageWindow,
  ): Promise<{ documents: StoredPayment[]; total: number }> {
    return findPage(
      this.payments,
      { patientId },
      { createdAt: -1, _id: 1 },
      window,
      WITHOUT_OUTBOX,
    ) as Promise<{
      documents: StoredPayment[];
      total: number;
    }>;
  }

  /**
   * Admins' search, newest first, counted ten pages ahead (it grows with the platform); the
   * equality fields choose the index, dates narrow it.
   */
  search(
    search: PaymentSearch,
    window: PageWindow,
  ): Promise<{ documents: StoredPayment[] } & TotalCountedAhead> {
    const filter: FilterQuery<Payment> = {
      ...(search.appointmentId ? { appointmentId: search.appointmentId } : {}),
      ...(search.patientId ? { patientId: search.patientId } : {}),
      ...(search.status ? { status: search.status } : {}),
    };
    if (search.from || search.to) {
      filter.createdAt = {
        ...(search.from ? { $gte: search.from } : {}),
        ...(search.to ? { $lt: search.to } : {}),
      };
    }
    return findPageCountingAhead(
      this.payments,
      filter,
      { createdAt: -1, _id: 1 },
      window,
      WITHOUT_OUTBOX,
    ) as Promise<{ documents: StoredPayment[] } & TotalCountedAhead>;
  }

  /**
   * Adds a refund with its event, if the payment is still refundable and has given back exactly
   * `refundedBefore` (no other refund was written meanwhile); answers whether it was written.
   */
  async addRefund(paymentId: string, write: RefundWrite, event: EventEnvelope): Promise<boolean> {
    const { refund, refundedBefore, status } = write;
    const unchanged: FilterQuery<Payment> =
      refundedBefore === 0
        ? { $or: [{ refundedAmount: 0 }, { refundedAmount: { $exists: false } }] }
        : { refundedAmount: refundedBefore };
    const outbox = pushToOutbox(event);
    const written = await this.payments
      .updateOne(
        { _id: paymentId, status: { $in: REFUNDABLE }, ...unchanged },
        {
          $set: { status, refundedAmount: refundedBefore + refund.amount.amount },
          $push: { refunds: refund, outbox: outbox.$push.outbox },
        },
      )
      .exec();
    return written.matchedCount > 0;
  }

  /**
   * Moves the payment from `from` with `event` in the same write, if it is still `from`; answers
   * whether it moved.
   */
  async move(
    paymentId: string,
    from: PaymentStatus,
    move: PaymentMoveWrite,
    event: EventEnvelope,
  ): Promise<boolean> {
    const update: UpdateQuery<Payment> = {
      $set: { ...move.set, status: move.to },
      ...(move.releaseAppointment ? { $unset: { activeAppointmentKey: 1 } } : {}),
      ...pushToOutbox(event),
    };
    const written = await this.payments.updateOne({ _id: paymentId, status: from }, update).exec();
    return written.matchedCount > 0;
  }

  /** The patient's payments, for their data export. */
  exportPage(patientId: string, cursor: string | undefined): Promise<PatientDataPage> {
    return patientDataPage(this.payments, { patientId }, cursor, (payment) => ({
      ...toPaymentView(payment),
    }));
  }
}
