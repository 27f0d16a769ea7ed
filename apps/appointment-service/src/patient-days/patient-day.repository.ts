import { Injectable } from '@nestjs/common';
import { InjectModel, type ModelDefinition } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKey } from '@arogyam/contracts';
import { PatientDay, PatientDaySchema, type PatientHold } from './patient-day.schema';

/** `patientDays`: every read and write is by `_id` (the unique `_id_` index); no other index. */
export const patientDayModel: ModelDefinition = { name: PatientDay.name, schema: PatientDaySchema };

export const patientDayId = (patientId: string, day: string): string => `${patientId}|${day}`;

/** Every read and write of `patientDays`. */
@Injectable()
export class PatientDayRepository {
  constructor(@InjectModel(PatientDay.name) private readonly days: Model<PatientDay>) {}

  /** The patient's day (`YYYY-MM-DD`), or null when nothing was ever held on it. */
  find(patientId: string, day: string): Promise<PatientDay | null> {
    return this.days.findById(patientDayId(patientId, day)).lean<PatientDay>().exec();
  }

  /**
   * Writes the day's holds if it is still at `version` (compare-and-set; `undefined`: the day does
   * not exist yet, and the insert's unique `_id` decides who opens it). Answers whether it wrote:
   * false means another write came first, and the caller reads the day again.
   */
  async writeHolds(
    patientId: string,
    day: string,
    version: number | undefined,
    holds: PatientHold[],
  ): Promise<boolean> {
    const _id = patientDayId(patientId, day);
    if (version === undefined) {
      try {
        await this.days.create({ _id, patientId, day, holds, version: 1 });
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    }
    const written = await this.days
      .updateOne({ _id, version }, { $set: { holds }, $inc: { version: 1 } })
      .exec();
    return written.matchedCount === 1;
  }
}
