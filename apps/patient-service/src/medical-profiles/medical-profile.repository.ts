import { Injectable } from '@nestjs/common';
import { InjectModel, type ModelDefinition } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { EventEnvelope, MedicalProfileDto } from '@arogyam/contracts';
import { toOutboxEntry } from '@arogyam/persistence';
import { MedicalProfile, MedicalProfileSchema } from './medical-profile.schema';

/** `medicalProfiles`: every read and write is by `_id` (the patient's user id); the outbox mark's index. */
export const medicalProfileModel: ModelDefinition = {
  name: MedicalProfile.name,
  schema: MedicalProfileSchema,
};

@Injectable()
export class MedicalProfileRepository {
  constructor(@InjectModel(MedicalProfile.name) private readonly profiles: Model<MedicalProfile>) {}

  findById(patientId: string): Promise<MedicalProfile | null> {
    return this.profiles.findById(patientId).lean<MedicalProfile>().exec();
  }

  /**
   * Replaces the patient's profile with `profile` in one write, creating it the first time; the
   * `events` (its audit trace) are parked in its outbox by that same write.
   */
  async replace(
    patientId: string,
    profile: MedicalProfileDto,
    events: EventEnvelope[],
  ): Promise<MedicalProfile> {
    const { bloodGroup, allergies = [], chronicConditions = [], currentMedicines = [] } = profile;
    const stored = await this.profiles
      .findOneAndUpdate(
        { _id: patientId },
        {
          $set: { allergies, chronicConditions, currentMedicines, ...(bloodGroup ? { bloodGroup } : {}) },
          ...(bloodGroup ? {} : { $unset: { bloodGroup: '' } }),
          ...(events.length > 0 ? { $push: { outbox: { $each: events.map(toOutboxEntry) } } } : {}),
        },
        { upsert: true, new: true, runValidators: true, setDefaultsOnInsert: true },
      )
      .lean<MedicalProfile>()
      .exec();
    if (!stored) throw new Error(`medical profile ${patientId} was neither written nor found`);
    return stored;
  }
}
