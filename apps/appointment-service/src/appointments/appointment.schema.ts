import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import {
  APPOINTMENT_MODES,
  APPOINTMENT_STATUSES,
  CALL_OUTCOMES,
  USER_ROLES,
  type CallOutcome,
  type CallParty,
  type AppointmentMode,
  type AppointmentStatus,
  type UserRole,
} from '@arogyam/contracts';
import { baseSchemaOptions, OutboxEntrySchema, outboxPlugin, type OutboxEntry } from '@arogyam/persistence';

/** Names as they were at booking, so a list needs no call to another service. */
@Schema({ _id: false, versionKey: false })
export class BookedDoctor {
  @Prop({ required: true })
  id: string;

  @Prop({ required: true })
  fullName: string;

  @Prop({ required: true })
  specialization: string;
}

@Schema({ _id: false, versionKey: false })
export class BookedPatient {
  @Prop({ required: true })
  id: string;

  @Prop({ required: true })
  fullName: string;
}

@Schema({ _id: false, versionKey: false })
export class StatusChange {
  @Prop({ type: String, required: true, enum: APPOINTMENT_STATUSES })
  status: AppointmentStatus;

  @Prop({ type: Date, required: true })
  at: Date;

  /** The user who made the change, and in which role. */
  @Prop({ required: true })
  by: string;

  @Prop({ type: String, required: true })
  role: UserRole;
}

/** The last video call of the appointment, recorded by video-service when it ends. */
@Schema({ _id: false, versionKey: false })
export class RecordedCall {
  @Prop({ type: Date, required: true })
  startedAt: Date;

  @Prop({ type: Date, required: true })
  endedAt: Date;

  @Prop({ required: true })
  durationSeconds: number;
}

/**
 * One video call of the appointment (a ring or an admission from the waiting room), kept from
 * video-service's events; `id` is the call's id, so a redelivered event is kept once.
 */
@Schema({ _id: false, versionKey: false })
export class CallRecord {
  @Prop({ required: true })
  id: string;

  @Prop({ type: String, required: true, enum: CALL_OUTCOMES })
  outcome: CallOutcome;

  @Prop({ type: Date, required: true })
  ringingAt: Date;

  @Prop({ type: Date })
  startedAt?: Date;

  @Prop({ type: Date, required: true })
  endedAt: Date;

  @Prop({ required: true })
  durationSeconds: number;

  @Prop({ type: [String], default: [] })
  joined: CallParty[];
}

/**
 * One consultation between a patient and a doctor. `version` counts its changes: each change is
 * written with a filter on the version it was read at. `startDay` is the UTC day of `startAt`, the
 * equality key of every query by time; `doctorSlotKey` exists only while the appointment is
 * active and holds the doctor's slot (see appointment.repository.ts for both).
 */
@Schema({ ...baseSchemaOptions, collection: 'appointments' })
export class Appointment {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  doctorId: string;

  @Prop({ required: true })
  patientId: string;

  @Prop({ type: SchemaFactory.createForClass(BookedDoctor), required: true })
  doctor: BookedDoctor;

  @Prop({ type: SchemaFactory.createForClass(BookedPatient), required: true })
  patient: BookedPatient;

  @Prop({ type: Date, required: true })
  startAt: Date;

  @Prop({ type: Date, required: true })
  endAt: Date;

  /** `YYYY-MM-DD`, the UTC day of `startAt` (libs/persistence `utcDay`), set with it. */
  @Prop({ required: true })
  startDay: string;

  @Prop({ type: String, required: true, enum: APPOINTMENT_MODES })
  mode: AppointmentMode;

  @Prop()
  reason?: string;

  @Prop({ type: String, required: true, enum: APPOINTMENT_STATUSES })
  status: AppointmentStatus;

  @Prop({ type: [SchemaFactory.createForClass(StatusChange)], default: [] })
  statusHistory: StatusChange[];

  /** A cancellation inside LATE_CANCELLATION_HOURS of the start. */
  @Prop()
  cancelledLate?: boolean;

  /** The role of who cancelled: payment-service refunds a late cancellation unless the patient made it. */
  @Prop({ type: String, enum: USER_ROLES })
  cancelledBy?: UserRole;

  @Prop()
  cancellationReason?: string;

  @Prop({ type: SchemaFactory.createForClass(RecordedCall) })
  call?: RecordedCall;

  /** Every video call, oldest first (a consultation has a handful). */
  @Prop({ type: [SchemaFactory.createForClass(CallRecord)], default: undefined })
  calls?: CallRecord[];

  /** How many `calls`: the compare-and-set key of adding one (appointment.repository.ts). */
  @Prop()
  callCount?: number;

  /** While the patient is in the video waiting room: since when. */
  @Prop({ type: Date })
  waitingSince?: Date;

  /**
   * When the waiting state last changed (the event's time): an older event delivered late (two
   * instances share the consumer) does not undo a newer one.
   */
  @Prop({ type: Date })
  waitingChangedAt?: Date;

  @Prop({ required: true, default: 1 })
  version: number;

  /** `doctorId|startAt` while active. Never null: a unique index lets many lack a field, not share a null. */
  @Prop()
  doctorSlotKey?: string;

  /** Events of the write that produced them, until the relay has published them. */
  @Prop({ type: [OutboxEntrySchema], default: [] })
  outbox: OutboxEntry[];

  createdAt: Date;
  updatedAt: Date;
}

export const AppointmentSchema = SchemaFactory.createForClass(Appointment);
AppointmentSchema.plugin(outboxPlugin);
