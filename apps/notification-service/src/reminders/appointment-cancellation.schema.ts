import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { baseSchemaOptions } from '@arogyam/persistence';

/**
 * An appointment's cancellation, `_id` = the appointment id. A cancellation is final, so it is an
 * insert, never lost to a concurrent update of the appointment's reminders (FerretDB applies
 * updates as read-modify-write), and the poller checks it before sending anything.
 */
@Schema({ ...baseSchemaOptions, timestamps: false, collection: 'reminderCancellations' })
export class AppointmentCancellation {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true, immutable: true })
  startAt: Date;

  @Prop({ required: true, immutable: true })
  eventId: string;

  @Prop({ required: true, immutable: true })
  cancelledAt: Date;

  /** Where the retention sweep looks for it (retention/bookkeeping-hours.ts). */
  @Prop({ required: true, immutable: true })
  sweepHour: string;
}

/**
 * Fields only: its indexes are declared beside the queries they serve
 * (appointment-cancellation.repository.ts).
 */
export const AppointmentCancellationSchema = SchemaFactory.createForClass(AppointmentCancellation);
