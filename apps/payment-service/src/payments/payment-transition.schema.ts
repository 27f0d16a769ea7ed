import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { PAYMENT_STATUSES, type PaymentStatus } from '@arogyam/contracts';

/**
 * The claim on a payment leaving one status: `_id` is `<paymentId>:<status it leaves>`, so of two
 * webhooks, redeliveries or refunds racing to move it on exactly one insert wins (FerretDB
 * applies a conditional update as read-modify-write, so the update alone could let both win). The
 * claim holds the event id, so a change finished after a crash publishes the same event.
 */
@Schema({ collection: 'paymentTransitions', versionKey: false, timestamps: false })
export class PaymentTransition {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  paymentId: string;

  /** Where the claimed change takes the payment. */
  @Prop({ type: String, required: true, enum: PAYMENT_STATUSES })
  to: PaymentStatus;

  @Prop({ required: true })
  eventId: string;

  /** The provider's event that caused it (a webhook), or who asked (a refund). */
  @Prop({ required: true })
  cause: string;

  @Prop({ required: true })
  claimedAt: Date;
}

/** Fields only: read and written by `_id` alone (payment-transition.repository.ts). */
export const PaymentTransitionSchema = SchemaFactory.createForClass(PaymentTransition);
