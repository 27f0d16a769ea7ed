import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A review's stars (`analyticsRatings`, keyed by the reviewed appointment's id); never its comment. */
@Schema({ collection: 'analyticsRatings', versionKey: false })
export class Rating {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  doctorId: string;

  @Prop({ required: true })
  stars: number;

  @Prop({ required: true })
  at: Date;

  /** The UTC day of `at` (\`2026-11-02\`): what a report selects by (an equality FerretDB pushes down). */
  @Prop({ required: true })
  day: string;
}

export const RatingSchema = SchemaFactory.createForClass(Rating);
