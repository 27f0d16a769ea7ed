import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { AnalyticsFact } from './analytics-fact';

/**
 * One consumed event as analytics keeps it (`analyticsEventLog`), appended once and never changed:
 * its `_id` is the event id, so a redelivery is stored once. The read model is derived from these
 * alone, so it can be emptied and rebuilt long after the events stream forgot the events (7 days).
 */
@Schema({ collection: 'analyticsEventLog', versionKey: false })
export class LoggedEvent {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  type: string;

  @Prop({ required: true })
  occurredAt: Date;

  @Prop({ type: Object, required: true })
  fact: AnalyticsFact;
}

export const LoggedEventSchema = SchemaFactory.createForClass(LoggedEvent);
