import { Injectable } from '@nestjs/common';
import { InjectModel, type ModelDefinition } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKey } from '@arogyam/contracts';
import { orderedPushdownFor } from '../find-page';
import { UploadReservation, UploadReservationSchema } from './upload-reservation.schema';

// The sweep's question (`reservedBefore`): the oldest reservations, read in this index's order.
UploadReservationSchema.index({ reservedAt: 1, _id: 1 });

export const uploadReservationModel: ModelDefinition = {
  name: UploadReservation.name,
  schema: UploadReservationSchema,
};

const SWEEP_BATCH = 100;

/** Every read and write of `uploadReservations`. */
@Injectable()
export class UploadReservationRepository {
  constructor(@InjectModel(UploadReservation.name) private readonly reservations: Model<UploadReservation>) {}

  /** Notes the upload; a repeated reservation of the same id (a retried request) changes nothing. */
  async reserve(recordId: string, ownerId: string, reservedAt: Date): Promise<void> {
    try {
      await this.reservations.create({ _id: recordId, ownerId, reservedAt });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  async release(recordId: string): Promise<void> {
    await this.reservations.deleteOne({ _id: recordId }).exec();
  }

  /** The oldest reservations made before `cutoff`, a batch at a time. */
  reservedBefore(cutoff: Date): Promise<UploadReservation[]> {
    const filter = { reservedAt: { $lt: cutoff } };
    return this.reservations
      .find(filter)
      .sort({ reservedAt: 1, _id: 1 })
      .limit(SWEEP_BATCH)
      .comment(orderedPushdownFor(this.reservations, filter))
      .lean<UploadReservation[]>()
      .exec();
  }
}
