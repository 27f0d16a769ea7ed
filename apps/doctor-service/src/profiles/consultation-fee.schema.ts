import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { CURRENCIES, type Currency } from '@arogyam/contracts';

/** The fee for one consultation, in whole paise: money is never a floating-point number. */
@Schema({ _id: false, versionKey: false })
export class ConsultationFee {
  @Prop({ required: true, min: 0, validate: { validator: Number.isInteger, message: 'must be whole paise' } })
  amount: number;

  @Prop({ type: String, required: true, enum: CURRENCIES })
  currency: Currency;
}

export const ConsultationFeeSchema = SchemaFactory.createForClass(ConsultationFee);
