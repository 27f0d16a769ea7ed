import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** The time one appointment holds on a patient's day. */
@Schema({ _id: false, versionKey: false })
export class PatientHold {
  @Prop({ required: true })
  appointmentId: string;

  @Prop({ type: Date, required: true })
  startAt: Date;

  @Prop({ type: Date, required: true })
  endAt: Date;

  /** When the hold was written: a young hold may belong to a booking still being stored. */
  @Prop({ type: Date, required: true })
  heldAt: Date;
}

/**
 * One patient's calendar for one UTC day: the times their appointments hold on it, so two
 * overlapping appointments of a patient cannot both be booked (see patient-calendar.ts). `_id` is
 * `<patientId>|<YYYY-MM-DD>`; `version` counts its writes, each a compare-and-set on it.
 */
@Schema({ versionKey: false, collection: 'patientDays' })
export class PatientDay {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  patientId: string;

  /** `YYYY-MM-DD`, UTC. */
  @Prop({ required: true })
  day: string;

  @Prop({ type: [SchemaFactory.createForClass(PatientHold)], default: [] })
  holds: PatientHold[];

  @Prop({ required: true })
  version: number;
}

export const PatientDaySchema = SchemaFactory.createForClass(PatientDay);
