import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { APPOINTMENT_STATUSES, type AppointmentStatus } from '@arogyam/contracts';

/**
 * An appointment as analytics last heard of it (`analyticsConsultations`, keyed by its id). Its
 * outcome is its latest status: `version` (the event's time, then its id) only ever grows, so a
 * late or repeated event never undoes a newer one.
 */
@Schema({ collection: 'analyticsConsultations', versionKey: false })
export class Consultation {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  doctorId: string;

  @Prop({ required: true })
  specialty: string;

  @Prop({ required: true })
  startAt: Date;

  /** The UTC day of `startAt` (\`2026-11-02\`): what a report selects by (an equality FerretDB pushes down). */
  @Prop({ required: true })
  day: string;

  @Prop({ required: true })
  endAt: Date;

  @Prop({ type: String, required: true, enum: APPOINTMENT_STATUSES })
  status: AppointmentStatus;

  @Prop({ required: true })
  late: boolean;

  /** `<occurredAt ISO>|<event id>` of the event it stands at (ISO instants sort as text). */
  @Prop({ required: true })
  version: string;
}

export const ConsultationSchema = SchemaFactory.createForClass(Consultation);
