import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { WeeklyWindow } from '@arogyam/contracts';

/**
 * A doctor's weekly hours as published (`analyticsSchedules`, keyed by the event id): in force
 * from `from` until the doctor's next one. The history, not just the latest, so a past month is
 * measured against the hours published then.
 */
@Schema({ collection: 'analyticsSchedules', versionKey: false })
export class PublishedSchedule {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  doctorId: string;

  @Prop({ required: true })
  from: Date;

  @Prop({ required: true })
  timezone: string;

  @Prop({ type: [Object], default: [] })
  weekly: WeeklyWindow[];

  @Prop({ type: [String], default: [] })
  unavailableDates: string[];
}

export const PublishedScheduleSchema = SchemaFactory.createForClass(PublishedSchedule);
