import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import {
  CURRENCIES,
  PAYMENT_PROVIDERS,
  PAYMENT_STATUSES,
  REFUND_KINDS,
  type Currency,
  type PaymentProviderName,
  type PaymentStatus,
  type RefundKind,
} from '@arogyam/contracts';
import { baseSchemaOptions, OutboxEntrySchema, outboxPlugin, type OutboxEntry } from '@arogyam/persistence';

const embedded = { _id: false, versionKey: false } as const;

@Schema(embedded)
export class StoredMoney {
  @Prop({ required: true, min: 0 })
  amount: number;

  @Prop({ type: String, required: true, enum: CURRENCIES })
  currency: Currency;
}
const StoredMoneySchema = SchemaFactory.createForClass(StoredMoney);

@Schema(embedded)
export class StoredCheckout {
  @Prop({ type: String, required: true, enum: PAYMENT_PROVIDERS })
  provider: PaymentProviderName;

  @Prop({ required: true })
  orderId: string;

  @Prop({ type: StoredMoneySchema, required: true })
  amount: StoredMoney;

  @Prop()
  keyId?: string;
}

@Schema(embedded)
export class StoredRefund {
  @Prop({ required: true })
  id: string;

  @Prop({ type: StoredMoneySchema, required: true })
  amount: StoredMoney;

  @Prop({ type: String, required: true, enum: REFUND_KINDS })
  kind: RefundKind;

  @Prop({ required: true })
  reason: string;

  @Prop()
  refundedBy?: string;

  /** Who asked, and their idempotency key (`admin:<id>:<key>`, `event:<id>`): a retry finds it here. */
  @Prop({ required: true })
  requestKey: string;

  @Prop({ required: true })
  refundedAt: Date;
}

/**
 * One attempt to pay for one appointment. `activeAppointmentKey` is the appointment id while the
 * payment is not failed, and is `$unset` when it fails: its unique index lets an appointment have
 * one live payment (on FerretDB, documents without the field never collide).
 */
@Schema({ ...baseSchemaOptions, collection: 'payments' })
export class Payment {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true, immutable: true })
  appointmentId: string;

  @Prop()
  activeAppointmentKey?: string;

  @Prop({ required: true, immutable: true })
  patientId: string;

  @Prop({ required: true, immutable: true })
  doctorId: string;

  @Prop({ type: StoredMoneySchema, required: true, immutable: true })
  amount: StoredMoney;

  @Prop({ type: String, required: true, enum: PAYMENT_STATUSES })
  status: PaymentStatus;

  @Prop({ type: String, required: true, enum: PAYMENT_PROVIDERS, immutable: true })
  provider: PaymentProviderName;

  @Prop({ required: true, immutable: true })
  providerOrderId: string;

  @Prop({ type: SchemaFactory.createForClass(StoredCheckout), required: true, immutable: true })
  checkout: StoredCheckout;

  @Prop()
  providerPaymentId?: string;

  @Prop()
  paidAt?: Date;

  @Prop()
  failureReason?: string;

  /** Each refund, oldest first. */
  @Prop({ type: [SchemaFactory.createForClass(StoredRefund)], default: [] })
  refunds?: StoredRefund[];

  /**
   * The sum of `refunds` in minor units of `amount.currency`; each refund's write is conditional on
   * it, so two refunds cannot both add to the same total. Absent on payments from before partial
   * refunds (read as 0, or all of it when `refunded`).
   */
  @Prop({ min: 0 })
  refundedAmount?: number;

  createdAt: Date;

  /** `evt.payment.*`, written with the change and removed once published. */
  @Prop({ type: [OutboxEntrySchema], default: [] })
  outbox: OutboxEntry[];
}

export type StoredPayment = Omit<Payment, 'outbox'>;

/** Fields only: its indexes are declared beside the queries they serve (payment.repository.ts). */
export const PaymentSchema = SchemaFactory.createForClass(Payment);
PaymentSchema.plugin(outboxPlugin);
