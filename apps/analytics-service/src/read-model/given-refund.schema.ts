import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * One refund of a payment (`analyticsRefunds`, keyed by the provider's refund id): a payment
 * refunded in parts has one per part, each stored once however often the payment's events repeat it.
 */
@Schema({ collection: 'analyticsRefunds', versionKey: false })
export class GivenRefund {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  paymentId: string;

  /** Paise. */
  @Prop({ required: true })
  amount: number;

  @Prop({ required: true })
  at: Date;

  /** The UTC day of `at` (\`2026-11-02\`): what a report selects by (an equality FerretDB pushes down). */
  @Prop({ required: true })
  day: string;
}

export const GivenRefundSchema = SchemaFactory.createForClass(GivenRefund);
