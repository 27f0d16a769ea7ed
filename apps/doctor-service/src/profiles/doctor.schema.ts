import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import {
  DOCTOR_GENDERS,
  VERIFICATION_STATUSES,
  type DoctorGender,
  type VerificationStatus,
} from '@arogyam/contracts';
import {
  baseSchemaOptions,
  OutboxEntrySchema,
  outboxPlugin,
  PersonProfile,
  type OutboxEntry,
} from '@arogyam/persistence';
import { DoctorDocument, DoctorDocumentSchema } from '../documents/doctor-document.schema';
import { Clinic, ClinicSchema } from './clinic.schema';
import { ConsultationFee, ConsultationFeeSchema } from './consultation-fee.schema';

/** `soonestOrder` of a doctor with no free time known: after everyone else (the largest Date, in ms). */
export const NO_FREE_TIME = 8.64e15;

/** `nextAvailableComputedAt` of a doctor appointment-service has not yet answered for. */
export const NEVER_COMPUTED = new Date(0);

/**
 * A doctor's practice profile, keyed by their user id. Patients find only approved doctors whose
 * account is active; the `*Key(s)` and `namePrefixes` fields are the normalised forms that search
 * matches on, kept in step with their source fields on every write (see doctor-search-keys.ts).
 * Indexes: doctor.repository.ts.
 */
@Schema({ ...baseSchemaOptions, collection: 'doctors' })
export class Doctor extends PersonProfile {
  @Prop({ required: true, trim: true })
  specialization: string;

  @Prop({ required: true, trim: true })
  licenseNumber: string;

  /** The medical council of the registration (licence details, verified with the number). */
  @Prop({ trim: true })
  registrationCouncil?: string;

  @Prop()
  registrationYear?: number;

  @Prop({ required: true, min: 0 })
  yearsOfExperience: number;

  @Prop({ type: ConsultationFeeSchema, required: true })
  consultationFee: ConsultationFee;

  @Prop({ trim: true })
  city?: string;

  @Prop({ type: [String], default: [] })
  languages: string[];

  @Prop({ type: String, enum: DOCTOR_GENDERS })
  gender?: DoctorGender;

  @Prop()
  bio?: string;

  @Prop({ trim: true })
  qualifications?: string;

  @Prop({ type: ClinicSchema })
  clinic?: Clinic;

  /** A data URL, at most DOCTOR_PHOTO_MAX_LENGTH characters (validated by the DTO). */
  @Prop()
  photo?: string;

  @Prop({ type: String, required: true, enum: VERIFICATION_STATUSES, default: 'pending' })
  verificationStatus: VerificationStatus;

  @Prop()
  verificationNote?: string;

  @Prop({ type: Date })
  verifiedAt?: Date;

  /** The admin who made the last verification decision. */
  @Prop()
  verifiedBy?: string;

  /** Verification documents, oldest first (at most MAX_DOCTOR_DOCUMENTS). */
  @Prop({ type: [DoctorDocumentSchema], default: [] })
  documents?: DoctorDocument[];

  /** When a rejected doctor last asked for review again. */
  @Prop({ type: Date })
  resubmittedAt?: Date;

  /** Filled from reviews once they exist; until then every doctor starts at 0. */
  @Prop({ required: true, default: 0 })
  rating: number;

  @Prop({ required: true, default: 0 })
  reviewCount: number;

  @Prop({ required: true })
  specializationKey: string;

  @Prop()
  cityKey?: string;

  @Prop({ type: [String], default: [] })
  languageKeys: string[];

  /** The whole name and each word of it, normalised: a name search longer than the prefixes is checked on these. */
  @Prop({ type: [String], default: [] })
  nameKeys: string[];

  /** Every prefix of the name keys up to NAME_PREFIX_LENGTH characters: what a name search matches on. */
  @Prop({ type: [String], default: [] })
  namePrefixes: string[];

  /** `consultationFee.amount` at the top level, which search sorts and ranges by (ordered pushdown takes top-level fields). */
  @Prop({ required: true, min: 0 })
  feeAmount: number;

  /**
   * The read model of appointment-service's availability (`appointment.next_free_changed`): the
   * first free slot within its lookahead, absent when there is none.
   */
  @Prop({ type: Date })
  nextAvailableAt?: Date;

  /** `nextAvailableAt` in ms, or NO_FREE_TIME: present on every doctor, so "soonest" can sort by it. */
  @Prop({ required: true, default: NO_FREE_TIME })
  soonestOrder: number;

  /**
   * When appointment-service computed `nextAvailableAt` (the epoch until it first did): an older
   * answer arriving later is ignored, and the sweep rechecks the longest unchecked first.
   */
  @Prop({ type: Date, required: true, default: () => NEVER_COMPUTED })
  nextAvailableComputedAt: Date;

  /** `evt.doctor.verified` events waiting for the relay, written with the decision itself. */
  @Prop({ type: [OutboxEntrySchema], default: [] })
  outbox: OutboxEntry[];
}

export const DoctorSchema = SchemaFactory.createForClass(Doctor);
DoctorSchema.plugin(outboxPlugin);
