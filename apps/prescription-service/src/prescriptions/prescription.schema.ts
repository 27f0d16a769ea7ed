import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { MAX_DURATION_DAYS, MAX_PRESCRIPTION_ITEMS } from '@arogyam/contracts';
import { baseSchemaOptions, OutboxEntrySchema, outboxPlugin, type OutboxEntry } from '@arogyam/persistence';

const embedded = { _id: false, versionKey: false } as const;

@Schema(embedded)
export class PrescribedItem {
  @Prop({ required: true })
  drug: string;

  @Prop({ required: true })
  dose: string;

  @Prop({ required: true })
  frequency: string;

  @Prop({ required: true, min: 1, max: MAX_DURATION_DAYS })
  durationDays: number;

  @Prop()
  instructions?: string;
}

/** The prescriber as they were at issue: a later change of name does not rewrite a prescription. */
@Schema(embedded)
export class Prescriber {
  @Prop({ required: true })
  id: string;

  @Prop({ required: true })
  fullName: string;

  @Prop({ required: true })
  specialization: string;

  @Prop({ required: true })
  licenseNumber: string;
}

@Schema(embedded)
export class PrescribedPatient {
  @Prop({ required: true })
  id: string;

  @Prop({ required: true })
  fullName: string;
}

const itemCount = {
  validator: (items: unknown[]) => items.length >= 1 && items.length <= MAX_PRESCRIPTION_ITEMS,
  message: `must hold 1 to ${MAX_PRESCRIPTION_ITEMS} items`,
};

/**
 * An issued prescription. It is written once and never changed (every issued field is
 * `immutable`): a correction is a new prescription whose `supersedesId` names the one it
 * replaces, and `supersededById` on the old one is the only field ever set after issue. The
 * unique index on `supersedesId` lets each version be corrected once, so the versions form one
 * chain (prescription.repository.ts). No mongoose timestamps: `issuedAt` is the only time a prescription has.
 */
@Schema({ ...baseSchemaOptions, timestamps: false, collection: 'prescriptions' })
export class Prescription {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true, immutable: true })
  appointmentId: string;

  @Prop({ required: true, immutable: true })
  doctorId: string;

  @Prop({ required: true, immutable: true })
  patientId: string;

  @Prop({ type: SchemaFactory.createForClass(Prescriber), required: true, immutable: true })
  doctor: Prescriber;

  @Prop({ type: SchemaFactory.createForClass(PrescribedPatient), required: true, immutable: true })
  patient: PrescribedPatient;

  @Prop({
    type: [SchemaFactory.createForClass(PrescribedItem)],
    required: true,
    immutable: true,
    validate: itemCount,
  })
  items: PrescribedItem[];

  @Prop({ immutable: true })
  advice?: string;

  @Prop({ required: true, min: 1, immutable: true })
  version: number;

  @Prop({ immutable: true })
  supersedesId?: string;

  /** Set once, by the correction that replaces this version. */
  @Prop()
  supersededById?: string;

  /** Random, unguessable; printed on the PDF so a pharmacist can check a paper copy. */
  @Prop({ required: true, immutable: true })
  verificationCode: string;

  @Prop({ required: true, immutable: true })
  issuedAt: Date;

  /** `evt.prescription.issued`, written with the prescription and removed once published. */
  @Prop({ type: [OutboxEntrySchema], default: [] })
  outbox: OutboxEntry[];
}

/** Fields only: its indexes are declared beside the queries they serve (prescription.repository.ts). */
export const PrescriptionSchema = SchemaFactory.createForClass(Prescription);
PrescriptionSchema.plugin(outboxPlugin);
