import { Injectable } from '@nestjs/common';
import { InjectModel, type ModelDefinition } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKey } from '@arogyam/contracts';
import { bookkeepingSweepHour } from '../retention/bookkeeping-hours';
import { AppointmentCancellation, AppointmentCancellationSchema } from './appointment-cancellation.schema';

// The retention sweep (`deleteStartedBefore`). A cancellation is otherwise read by `_id`.
AppointmentCancellationSchema.index({ sweepHour: 1 });

export const appointmentCancellationModel: ModelDefinition = {
  name: AppointmentCancellation.name,
  schema: AppointmentCancellationSchema,
};

/** Every read and write of `reminderCancellations`. */
@Injectable()
export class AppointmentCancellationRepository {
  constructor(
    @InjectModel(AppointmentCancellation.name)
    private readonly cancellations: Model<AppointmentCancellation>,
  ) {}

  /** Records the cancellation; a repeated one finds the `_id` taken and changes nothing. */
  async record(cancellation: Omit<AppointmentCancellation, 'sweepHour'>, writtenAt: Date): Promise<void> {
    try {
      await this.cancellations.create({
        ...cancellation,
        sweepHour: bookkeepingSweepHour(cancellation.startAt, writtenAt),
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  async isCancelled(appointmentId: string): Promise<boolean> {
    return (await this.cancellations.exists({ _id: appointmentId }).exec()) !== null;
  }

  /** Deletes the cancellations of appointments that started before `cutoff`, among those swept under `hours`. */
  async deleteStartedBefore(cutoff: Date, hours: string[]): Promise<number> {
    if (hours.length === 0) return 0;
    const result = await this.cancellations
      .deleteMany({ sweepHour: { $in: hours }, startAt: { $lt: cutoff } })
      .exec();
    return result.deletedCount;
  }
}
