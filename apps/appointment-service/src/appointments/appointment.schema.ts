import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import {
  APPOINTMENT_MODES,
  APPOINTMENT_STATUSES,
  USER_ROLES,
  type AppointmentMode,
  type AppointmentStatus,
  type UserRole,
} from '@arogyam/contracts';
import { baseSchemaOptions, OutboxEntrySchema, outboxPlugin, type OutboxEntry } from '@arogyam/persistence';
import { patientBusyFields } from './time-keys';

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
 * One consultation between a patient and a doctor. `version` counts its changes: every change is
 * claimed by version first (see change-claims.ts). `doctorSlotKey` and `patientBusy` exist only
 * while it is active and carry its unique-index invariants (see time-keys.ts).
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

  @Prop({ required: true, default: 1 })
  version: number;

  /** Never null: FerretDB's unique index lets many documents lack a field, but not share a null. */
  @Prop()
  doctorSlotKey?: string;

  @Prop({ type: Object })
  patientBusy?: Record<string, string>;

  /** Events of the write that produced them, until the relay has published them. */
  @Prop({ type: [OutboxEntrySchema], default: [] })
  outbox: OutboxEntry[];

  createdAt: Date;
  updatedAt: Date;
}

export const AppointmentSchema = SchemaFactory.createForClass(Appointment);
AppointmentSchema.plugin(outboxPlugin);
// The invariants (sparse: only active appointments hold these fields).
AppointmentSchema.index({ doctorSlotKey: 1 }, { unique: true, sparse: true });
for (const field of patientBusyFields())
  AppointmentSchema.index({ [field]: 1 }, { unique: true, sparse: true });
// One index per query shape: a doctor's or a patient's appointments by time (lists, slots,
// queue, dashboards), a day of all appointments (admins).
AppointmentSchema.index({ doctorId: 1, startAt: -1 });
AppointmentSchema.index({ patientId: 1, startAt: -1 });
AppointmentSchema.index({ startAt: 1 });
