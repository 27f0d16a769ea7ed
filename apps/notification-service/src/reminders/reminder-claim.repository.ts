import { Injectable } from '@nestjs/common';
import { InjectModel, type ModelDefinition } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKey } from '@arogyam/contracts';
import { bookkeepingSweepHour } from '../retention/bookkeeping-hours';
import { ReminderClaim, ReminderClaimSchema, type ReminderOutcome } from './reminder-claim.schema';

// The retention sweep (`deleteStartedBefore`). Claims are otherwise read and written by `_id`.
ReminderClaimSchema.index({ sweepHour: 1 });

export const reminderClaimModel: ModelDefinition = { name: ReminderClaim.name, schema: ReminderClaimSchema };

/** A claim as the poller takes it. */
export type NewReminderClaim = Pick<
  ReminderClaim,
  '_id' | 'reminderId' | 'startAt' | 'claimedAt' | 'claimedBy'
>;

/** Every read and write of `reminderDeliveries`. */
@Injectable()
export class ReminderClaimRepository {
  constructor(@InjectModel(ReminderClaim.name) private readonly claims: Model<ReminderClaim>) {}

  /** True when this insert won the occurrence; false when its `_id` was taken. */
  async claim(claim: NewReminderClaim): Promise<boolean> {
    try {
      await this.claims.create({ ...claim, sweepHour: bookkeepingSweepHour(claim.startAt, claim.claimedAt) });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** The claims taken of these occurrences (by `_id`). */
  findOfOccurrences(occurrenceIds: string[]): Promise<ReminderClaim[]> {
    if (occurrenceIds.length === 0) return Promise.resolve([]);
    return this.claims
      .find({ _id: { $in: occurrenceIds } })
      .lean<ReminderClaim[]>()
      .exec();
  }

  async complete(occurrenceId: string, completedAt: Date, outcome: ReminderOutcome): Promise<void> {
    await this.claims.updateOne({ _id: occurrenceId }, { $set: { completedAt, outcome } }).exec();
  }

  /** Deletes the claims of appointments that started before `cutoff`, among those swept under `hours`. */
  async deleteStartedBefore(cutoff: Date, hours: string[]): Promise<number> {
    if (hours.length === 0) return 0;
    const result = await this.claims
      .deleteMany({ sweepHour: { $in: hours }, startAt: { $lt: cutoff } })
      .exec();
    return result.deletedCount;
  }
}
