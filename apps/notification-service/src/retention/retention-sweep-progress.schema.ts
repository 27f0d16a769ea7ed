import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { baseSchemaOptions } from '@arogyam/persistence';

/**
 * How far one retention sweep has got, `_id` = the sweep's name: everything it deletes whose key
 * instant (made, started, marked read) lies before `sweptBefore` is gone. The next round reads the
 * time buckets from there on, so a round reads what fell due since the last one, however long ago.
 */
@Schema({ ...baseSchemaOptions, timestamps: false, collection: 'retentionSweeps' })
export class RetentionSweepProgress {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  sweptBefore: Date;
}

/** Fields only: read and written by `_id` (retention-sweep-progress.repository.ts). */
export const RetentionSweepProgressSchema = SchemaFactory.createForClass(RetentionSweepProgress);
