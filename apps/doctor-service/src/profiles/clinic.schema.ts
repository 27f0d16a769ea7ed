import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** Where the doctor sees patients in person. */
@Schema({ _id: false, versionKey: false })
export class Clinic {
  @Prop({ required: true, trim: true })
  name: string;

  @Prop({ required: true, trim: true })
  addressLine: string;

  @Prop({ required: true, trim: true })
  city: string;
}

export const ClinicSchema = SchemaFactory.createForClass(Clinic);
