import { Injectable } from '@nestjs/common';
import { InjectModel, type ModelDefinition } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { phoneSuffixesOf } from '@arogyam/contracts';
import { PersonProfileRepository, rewriteEachInIdOrder } from '@arogyam/persistence';
import { Patient, PatientSchema } from './patient.schema';

// Admins' search by phone (`idsByPhoneSuffix`): an ending of the number is an element of the array.
PatientSchema.index({ phoneSuffixes: 1 });

/** `patients`: read by `_id` (the user id), and by the endings of the phone number for admins' search. */
export const patientModel: ModelDefinition = { name: Patient.name, schema: PatientSchema };

/** With a phone number, its search keys; `null` clears both. Computed from the number alone, so no read first. */
const withPhoneKeys = <T extends { phone?: unknown }>(fields: T): T & { phoneSuffixes?: string[] | null } => {
  if (typeof fields.phone === 'string') return { ...fields, phoneSuffixes: phoneSuffixesOf(fields.phone) };
  if (fields.phone === null) return { ...fields, phoneSuffixes: null };
  return fields;
};

/** Every read and write of `patients` (see PersonProfileRepository for those by `_id`). */
@Injectable()
export class PatientRepository extends PersonProfileRepository<Patient> {
  constructor(@InjectModel(Patient.name) patients: Model<Patient>) {
    super(patients);
  }

  override createOnce(userId: string, fields: Record<string, unknown>): Promise<Patient> {
    return super.createOnce(userId, withPhoneKeys(fields));
  }

  override patch(
    userId: string,
    body: { phone?: unknown },
    required: readonly string[],
    also: { $push?: object } = {},
  ): Promise<Patient | null> {
    return super.patch(userId, withPhoneKeys(body), required, also);
  }

  /** The ids of up to `limit` patients whose number ends in `digits` (one equality on the index). */
  async idsByPhoneSuffix(digits: string, limit: number): Promise<string[]> {
    const rows = await this.profiles
      .find({ phoneSuffixes: digits }, { _id: 1 })
      .limit(limit)
      .lean<{ _id: string }[]>()
      .exec();
    return rows.map((row) => row._id);
  }

  /**
   * Once (profiles/phone-keys-upgrade.ts): gives patients stored before phone search their keys,
   * in `_id` order, each write conditional on the number read so a change meanwhile wins.
   */
  addMissingPhoneKeys(): Promise<number> {
    return rewriteEachInIdOrder<Patient, { _id: string; phone: string }>(
      this.profiles,
      { phone: { $exists: true }, phoneSuffixes: { $exists: false } },
      { phone: 1 },
      async (patient) => {
        const phoneSuffixes = phoneSuffixesOf(patient.phone);
        const written = await this.profiles
          .updateOne({ _id: patient._id, phone: patient.phone }, { $set: { phoneSuffixes } })
          .exec();
        return written.modifiedCount;
      },
    );
  }
}
