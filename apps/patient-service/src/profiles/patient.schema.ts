import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { GENDERS, type Gender } from '@arogyam/contracts';
import {
  baseSchemaOptions,
  OutboxEntrySchema,
  outboxPlugin,
  PersonProfile,
  type OutboxEntry,
} from '@arogyam/persistence';

/**
 * A patient's own details, keyed by their user id. Every read is by `_id` (a rename's event rides
 * in the document's outbox).
 */
@Schema({ ...baseSchemaOptions, collection: 'patients' })
export class Patient extends PersonProfile {
  @Prop({ trim: true })
  phone?: string;

  /** Every ending of the number, 4 digits and up (patients/phone-search.ts): admins' search by phone. */
  @Prop({ type: [String], default: undefined })
  phoneSuffixes?: string[];

  /** A calendar date, not an instant: a birthday does not move with time zones. */
  @Prop({ match: /^\d{4}-\d{2}-\d{2}$/ })
  dateOfBirth?: string;

  @Prop({ type: String, enum: GENDERS })
  gender?: Gender;

  @Prop({ type: [OutboxEntrySchema], default: [] })
  outbox: OutboxEntry[];
}

export const PatientSchema = SchemaFactory.createForClass(Patient);
PatientSchema.plugin(outboxPlugin);
