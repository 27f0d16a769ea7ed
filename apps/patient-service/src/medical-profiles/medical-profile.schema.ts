import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import {
  ALLERGY_SEVERITIES,
  BLOOD_GROUPS,
  MEDICAL_PROFILE_LIMITS as LIMITS,
  type AllergySeverity,
  type BloodGroup,
} from '@arogyam/contracts';
import {
  baseSchemaOptions,
  maxTextLength,
  OutboxEntrySchema,
  outboxPlugin,
  type OutboxEntry,
} from '@arogyam/persistence';

@Schema({ _id: false, versionKey: false })
export class Allergy {
  @Prop({ required: true, trim: true, validate: maxTextLength(LIMITS.substance) })
  substance: string;

  @Prop({ trim: true, validate: maxTextLength(LIMITS.reaction) })
  reaction?: string;

  @Prop({ type: String, enum: ALLERGY_SEVERITIES })
  severity?: AllergySeverity;
}

@Schema({ _id: false, versionKey: false })
export class CurrentMedicine {
  @Prop({ required: true, trim: true, validate: maxTextLength(LIMITS.medicineName) })
  name: string;

  @Prop({ trim: true, validate: maxTextLength(LIMITS.dose) })
  dose?: string;
}

/**
 * What a patient tells their doctors before any consultation: allergies, long-term conditions,
 * the medicines they take, their blood group. One document per patient, keyed by their user id;
 * every read and write is by `_id`. A change's audit event rides in the document's own outbox,
 * so the change and its trace are one write.
 */
@Schema({ ...baseSchemaOptions, collection: 'medicalProfiles' })
export class MedicalProfile {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: [SchemaFactory.createForClass(Allergy)], default: [] })
  allergies: Allergy[];

  @Prop({ type: [{ type: String, trim: true, validate: maxTextLength(LIMITS.condition) }], default: [] })
  chronicConditions: string[];

  @Prop({ type: [SchemaFactory.createForClass(CurrentMedicine)], default: [] })
  currentMedicines: CurrentMedicine[];

  @Prop({ type: String, enum: BLOOD_GROUPS })
  bloodGroup?: BloodGroup;

  @Prop({ type: [OutboxEntrySchema], default: [] })
  outbox: OutboxEntry[];

  createdAt: Date;
  updatedAt: Date;
}

export const MedicalProfileSchema = SchemaFactory.createForClass(MedicalProfile);
MedicalProfileSchema.plugin(outboxPlugin);
