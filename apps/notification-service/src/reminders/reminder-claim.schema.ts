import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { baseSchemaOptions } from '@arogyam/persistence';

export const REMINDER_OUTCOMES = ['sent', 'withdrawn'] as const;
export type ReminderOutcome = (typeof REMINDER_OUTCOMES)[number];

/**
 * The claim of one reminder occurrence, `_id` `<appointmentId>:<lead>@<startAt ISO>`: the instance
 * whose insert wins sends it; every other instance, and every later poll, finds the `_id` taken.
 * (An insert into the unique `_id`, not a conditional update: FerretDB may let two of those win.)
 * The start time is part of the key, so moving an appointment makes a new occurrence to remind of.
 */
@Schema({ ...baseSchemaOptions, timestamps: false, collection: 'reminderDeliveries' })
export class ReminderClaim {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true, immutable: true })
  reminderId: string;

  @Prop({ required: true, immutable: true })
  startAt: Date;

  @Prop({ required: true, immutable: true })
  claimedAt: Date;

  @Prop({ required: true, immutable: true })
  claimedBy: string;

  /** Set once every channel is done; a claim left incomplete (a crash, an SMTP outage) is retried. */
  @Prop()
  completedAt?: Date;

  @Prop({ type: String, enum: REMINDER_OUTCOMES })
  outcome?: ReminderOutcome;

  /** Where the retention sweep looks for it (retention/bookkeeping-hours.ts). */
  @Prop({ required: true, immutable: true })
  sweepHour: string;
}

/** Fields only: its indexes are declared beside the queries they serve (reminder-claim.repository.ts). */
export const ReminderClaimSchema = SchemaFactory.createForClass(ReminderClaim);
