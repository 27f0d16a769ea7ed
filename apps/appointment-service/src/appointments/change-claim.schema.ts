import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The claim on one change of one appointment: `_id` is `<appointmentId>@<version>`, so of any
 * number of concurrent changes made from the same version exactly one inserts it. The claims
 * that led to a change stay as a short log of who changed what.
 */
@Schema({ versionKey: false, collection: 'appointmentChanges' })
export class AppointmentChange {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  appointmentId: string;

  @Prop({ required: true })
  version: number;

  /** What was asked: `reschedule` or the status moved to. */
  @Prop({ required: true })
  change: string;

  @Prop({ required: true })
  actorId: string;

  @Prop({ type: Date, required: true })
  claimedAt: Date;
}

export const AppointmentChangeSchema = SchemaFactory.createForClass(AppointmentChange);
