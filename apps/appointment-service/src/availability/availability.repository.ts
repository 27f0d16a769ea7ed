import { Injectable } from '@nestjs/common';
import { InjectModel, type ModelDefinition } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { EventEnvelope } from '@arogyam/contracts';
import { pushToOutbox } from '@arogyam/persistence';
import { Availability, AvailabilitySchema } from './availability.schema';

/** `availabilities`: one schedule per doctor, keyed by the doctor's id; `_id_` and the outbox's mark. */
export const availabilityModel: ModelDefinition = { name: Availability.name, schema: AvailabilitySchema };

export type Schedule = Pick<Availability, 'timezone' | 'slotMinutes' | 'weekly' | 'exceptions'>;

/** Every read and write of `availabilities`, all by `_id`. */
@Injectable()
export class AvailabilityRepository {
  constructor(@InjectModel(Availability.name) private readonly availabilities: Model<Availability>) {}

  /** The doctor's schedule, or null if they have published none. */
  findByDoctor(doctorId: string): Promise<Availability | null> {
    return this.availabilities.findById(doctorId, { outbox: 0 }).lean<Availability>().exec();
  }

  /** The schedules of these doctors that exist, by doctor, in one query (`_id $in`). */
  async findByDoctors(doctorIds: string[]): Promise<Map<string, Availability>> {
    const found = await this.availabilities
      .find({ _id: { $in: doctorIds } }, { outbox: 0 })
      .lean<Availability[]>()
      .exec();
    return new Map(found.map((schedule) => [schedule._id, schedule]));
  }

  /** Replaces the doctor's whole schedule in one write (creating it the first time), with its events. */
  async replace(doctorId: string, schedule: Schedule, ...events: EventEnvelope[]): Promise<Availability> {
    const stored = await this.availabilities
      .findOneAndUpdate(
        { _id: doctorId },
        {
          $set: { ...schedule, ...(events.length > 0 ? { announced: true } : {}) },
          ...(events.length > 0 ? pushToOutbox(...events) : {}),
        },
        { upsert: true, new: true, runValidators: true, setDefaultsOnInsert: true },
      )
      .lean<Availability>()
      .exec();
    return stored as Availability;
  }

  /**
   * Up to `limit` schedules whose publication was never announced (stored by an earlier version).
   * A start-up look, not a request's: `$ne` reads the collection (one document per doctor).
   */
  unannounced(limit: number): Promise<Availability[]> {
    return this.availabilities
      .find({ announced: { $ne: true } }, { outbox: 0 })
      .limit(limit)
      .lean<Availability[]>()
      .exec();
  }

  /** Parks the announcement of a schedule unless it was announced meanwhile; true if this did. */
  async announce(doctorId: string, event: EventEnvelope): Promise<boolean> {
    const result = await this.availabilities
      .updateOne(
        { _id: doctorId, announced: { $ne: true } },
        { $set: { announced: true }, ...pushToOutbox(event) },
      )
      .exec();
    return result.modifiedCount === 1;
  }
}
