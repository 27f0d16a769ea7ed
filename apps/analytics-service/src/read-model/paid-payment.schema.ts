import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A payment taken (`analyticsPayments`, keyed by its id): what and when, which never change once paid. */
@Schema({ collection: 'analyticsPayments', versionKey: false })
export class PaidPayment {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  appointmentId: string;

  @Prop({ required: true })
  doctorId: string;

  /** Paise. */
  @Prop({ required: true })
  amount: number;

  @Prop({ required: true })
  paidAt: Date;

  /** The UTC day of `paidAt` (\`2026-11-02\`): what a report selects by (an equality FerretDB pushes down). */
  @Prop({ required: true })
  day: string;
}

export const PaidPaymentSchema = SchemaFactory.createForClass(PaidPayment);
