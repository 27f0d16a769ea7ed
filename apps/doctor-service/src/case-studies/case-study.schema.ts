import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import {
  CASE_STUDY_CAPTION_MAX,
  CASE_STUDY_COMMENTS_MAX,
  CASE_STUDY_IMAGE_MAX_LENGTH,
  CASE_STUDY_STATUSES,
  CASE_STUDY_TEXT_MAX,
  CASE_STUDY_TITLE_MAX,
  type CaseStudyStatus,
} from '@arogyam/contracts';
import {
  baseSchemaOptions,
  maxTextLength,
  OutboxEntrySchema,
  outboxPlugin,
  type OutboxEntry,
} from '@arogyam/persistence';

@Schema({ _id: false, versionKey: false })
export class CaseStudyImage {
  /** A PNG, JPEG or WebP data URL; its metadata is checked on submission (de-identification/). */
  @Prop({ required: true, validate: maxTextLength(CASE_STUDY_IMAGE_MAX_LENGTH) })
  dataUrl: string;

  @Prop({ required: true, validate: maxTextLength(CASE_STUDY_CAPTION_MAX) })
  caption: string;
}

const caseText = { type: String, default: '', validate: maxTextLength(CASE_STUDY_TEXT_MAX) };

/**
 * A doctor's teaching case. Its author writes it as a draft, submits it (after the
 * de-identification check), and an admin publishes it or returns it with comments; only the
 * author changes it, and only while a draft or returned. `specialtyKey`, `tags` (lower-cased)
 * and `searchPrefixes` are what search matches on, kept in step with the texts on every save
 * (case-study-search-keys.ts). Events ride in `outbox` with the write that causes them.
 * Indexes: case-study.repository.ts.
 */
@Schema({ ...baseSchemaOptions, collection: 'case_studies' })
export class CaseStudy {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true, immutable: true })
  authorId: string;

  /** The author's name at the last save, for cards (no call per list). */
  @Prop({ required: true })
  authorName: string;

  @Prop({ required: true, validate: maxTextLength(CASE_STUDY_TITLE_MAX) })
  title: string;

  @Prop({ required: true })
  specialty: string;

  @Prop({ required: true })
  specialtyKey: string;

  @Prop({ type: [String], default: [] })
  tags: string[];

  @Prop(caseText) presentation: string;
  @Prop(caseText) investigations: string;
  @Prop(caseText) diagnosis: string;
  @Prop(caseText) treatment: string;
  @Prop(caseText) outcome: string;
  @Prop(caseText) learningPoints: string;

  @Prop({ type: [SchemaFactory.createForClass(CaseStudyImage)], default: [] })
  images: CaseStudyImage[];

  @Prop({ type: String, required: true, enum: CASE_STUDY_STATUSES, default: 'draft' })
  status: CaseStudyStatus;

  /** The reviewer's comments when it was last returned; kept after edits so the author sees them. */
  @Prop({ validate: maxTextLength(CASE_STUDY_COMMENTS_MAX) })
  reviewComments?: string;

  @Prop({ type: Date })
  submittedAt?: Date;

  @Prop({ type: Date })
  publishedAt?: Date;

  /** The admin who last published or returned it. */
  @Prop()
  reviewedBy?: string;

  /** Public reads of the published case (no per-reader tracking): "most read" sorts on it. */
  @Prop({ required: true, default: 0 })
  readCount: number;

  @Prop({ type: [String], default: [] })
  searchPrefixes: string[];

  @Prop({ type: [OutboxEntrySchema], default: [] })
  outbox: OutboxEntry[];

  createdAt: Date;
  updatedAt: Date;
}

export const CaseStudySchema = SchemaFactory.createForClass(CaseStudy);
CaseStudySchema.plugin(outboxPlugin);
