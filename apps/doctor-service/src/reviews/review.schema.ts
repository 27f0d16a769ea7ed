import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { MAX_RATING, MAX_REVIEW_COMMENT_LENGTH, MIN_RATING } from '@arogyam/contracts';
import {
  baseSchemaOptions,
  maxTextLength,
  OutboxEntry,
  OutboxEntrySchema,
  outboxPlugin,
} from '@arogyam/persistence';

/**
 * A patient's review of one completed appointment. Keyed by the appointment id, so the unique
 * `_id` is what allows one review per appointment (an insert, not a conditional update: see
 * docs/decisions.md, "Invariants on FerretDB") and the appointment's review is read by `_id`.
 * Never changed once written (but for its outbox: `evt.doctor.review_submitted` rides with the
 * insert). Indexes: review.repository.ts.
 */
@Schema({ ...baseSchemaOptions, collection: 'reviews' })
export class Review {
  /** The appointment id. */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true, immutable: true })
  doctorId: string;

  @Prop({ required: true, immutable: true })
  patientId: string;

  /** "Arjun D.", from the appointment's patient name at the time of the review. */
  @Prop({ required: true, immutable: true })
  reviewerName: string;

  @Prop({ required: true, min: MIN_RATING, max: MAX_RATING, immutable: true })
  rating: number;

  @Prop({ validate: maxTextLength(MAX_REVIEW_COMMENT_LENGTH), immutable: true })
  comment?: string;

  @Prop({ type: [OutboxEntrySchema], default: [] })
  outbox: OutboxEntry[];

  createdAt: Date;
}

export const ReviewSchema = SchemaFactory.createForClass(Review);
ReviewSchema.plugin(outboxPlugin);
