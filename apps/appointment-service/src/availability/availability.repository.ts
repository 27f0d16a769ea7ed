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

  /** Replaces the doctor's whole schedule in one write (creating it the first time), with its events. */
  async replace(doctorId: string, schedule: Schedule, ...events: EventEnvelope[]): Promise<Availability> {
    const stored = await this.availabilities
      .findOneAndUpdate(
        { _id: doctorId },
        { $set: schedule, ...(events.length > 0 ? pushToOutbox(...events) : {}) },
        { upsert: true, new: true, runValidators: true, setDefaultsOnInsert: true },
      )
      .lean<Availability>()
      .exec();
    return stored as Availability;
  }
}
