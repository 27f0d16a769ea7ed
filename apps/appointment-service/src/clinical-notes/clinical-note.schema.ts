import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { OutboxEntrySchema, outboxPlugin, type OutboxEntry } from '@arogyam/persistence';

/**
 * One saved version of an appointment's SOAP notes. A save never updates: it inserts the next
 * version under `_id` `<appointmentId>#<version>`, so two saves at once cannot take the same
 * version (the unique `_id` decides) and none is lost, which an array `$push` on FerretDB's
 * read-modify-write updates could not promise. The latest version is the note.
 */
@Schema({ versionKey: false, collection: 'clinicalNotes' })
export class ClinicalNote {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  appointmentId: string;

  @Prop({ required: true, min: 1 })
  version: number;

  /** The doctor who saved this version. */
  @Prop({ required: true })
  authorId: string;

  @Prop({ type: Date, required: true })
  savedAt: Date;

  @Prop({ type: String, default: '' })
  subjective: string;

  @Prop({ type: String, default: '' })
  objective: string;

  @Prop({ type: String, default: '' })
  assessment: string;

  @Prop({ type: String, default: '' })
  plan: string;

  @Prop({ required: true, default: false })
  sharedWithPatient: boolean;

  /** The version's audit event, published by the relay (the save and its trace are one insert). */
  @Prop({ type: [OutboxEntrySchema], default: [] })
  outbox?: OutboxEntry[];
}

export const ClinicalNoteSchema = SchemaFactory.createForClass(ClinicalNote);
ClinicalNoteSchema.plugin(outboxPlugin);
