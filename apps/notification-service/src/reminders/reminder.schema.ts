import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import { baseSchemaOptions } from '@arogyam/persistence';
import type { AppointmentFacts } from '../messages/appointment-messages';
import { REMINDER_LEADS, type ReminderLead } from './reminder-leads';

/**
 * One reminder of one booked appointment, `_id` `<appointmentId>:<lead>`: written from the
 * appointment's booked and rescheduled events (a later event replaces an earlier one, an older one
 * arriving late changes nothing), due from `dueAt` and pointless from `expiresAt` on. Only the
 * event consumer writes it; the poller only reads it and claims occurrences elsewhere.
 */
@Schema({ ...baseSchemaOptions, collection: 'reminders' })
export class Reminder {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  appointmentId: string;

  @Prop({ type: String, required: true, enum: REMINDER_LEADS })
  lead: ReminderLead;

  @Prop({ required: true })
  startAt: Date;

  @Prop({ required: true })
  dueAt: Date;

  /** The UTC hour of `dueAt`: what the poller asks for, by `$in`. */
  @Prop({ required: true })
  dueHour: string;

  @Prop({ required: true })
  expiresAt: Date;

  /** False when the appointment was booked or moved too late for this reminder to make sense. */
  @Prop({ required: true })
  active: boolean;

  /** The appointment as its latest event gave it: what the reminder's words need. */
  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  appointment: AppointmentFacts;

  /** The event this state came from, and when it happened: older events do not overwrite it. */
  @Prop({ required: true })
  eventId: string;

  @Prop({ required: true })
  eventAt: Date;

  /** Where the retention sweep looks for it (retention/bookkeeping-hours.ts). */
  @Prop({ required: true })
  sweepHour: string;
}

/** Fields only: its indexes are declared beside the queries they serve (reminder.repository.ts). */
export const ReminderSchema = SchemaFactory.createForClass(Reminder);
