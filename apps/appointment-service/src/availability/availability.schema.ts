import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { baseSchemaOptions, OutboxEntry, OutboxEntrySchema, outboxPlugin } from '@arogyam/persistence';

@Schema({ _id: false, versionKey: false })
export class WeeklyWindow {
  /** ISO weekday, Monday 1 … Sunday 7. */
  @Prop({ required: true, min: 1, max: 7 })
  weekday: number;

  /** 'HH:mm' wall-clock time in the schedule's zone. */
  @Prop({ required: true })
  start: string;

  @Prop({ required: true })
  end: string;
}

@Schema({ _id: false, versionKey: false })
export class AvailabilityException {
  /** A local date ('YYYY-MM-DD') in the schedule's zone. */
  @Prop({ required: true })
  date: string;

  @Prop({ required: true })
  unavailable: boolean;
}

/**
 * A doctor's weekly working hours, keyed by the doctor's id (one schedule per doctor, replaced
 * whole). Times are wall-clock times in `timezone`, so "09:00" stays 09:00 across DST changes;
 * slots are computed from it on every read, never stored. Each replacement parks
 * `evt.appointment.schedule_published` in `outbox` with the same write.
 */
@Schema({ ...baseSchemaOptions, collection: 'availabilities' })
export class Availability {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  timezone: string;

  @Prop({ required: true, min: 5, max: 240 })
  slotMinutes: number;

  @Prop({ type: [SchemaFactory.createForClass(WeeklyWindow)], default: [] })
  weekly: WeeklyWindow[];

  @Prop({ type: [SchemaFactory.createForClass(AvailabilityException)], default: [] })
  exceptions: AvailabilityException[];

  @Prop({ type: [OutboxEntrySchema], default: [] })
  outbox: OutboxEntry[];

  /**
   * Its `evt.appointment.schedule_published` was parked: set by every replacement, and by the
   * start-up upgrade for schedules stored before the event existed (maintenance/).
   */
  @Prop()
  announced?: boolean;

  createdAt: Date;
  updatedAt: Date;
}

export const AvailabilitySchema = SchemaFactory.createForClass(Availability);
AvailabilitySchema.plugin(outboxPlugin);
