import { Injectable } from '@nestjs/common';
import { InjectModel, type ModelDefinition } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKey } from '@arogyam/contracts';
import { RetentionSweepProgress, RetentionSweepProgressSchema } from './retention-sweep-progress.schema';

export const retentionSweepProgressModel: ModelDefinition = {
  name: RetentionSweepProgress.name,
  schema: RetentionSweepProgressSchema,
};

/** Every read and write of `retentionSweeps`: one document per sweep, read and written by `_id`. */
@Injectable()
export class RetentionSweepProgressRepository {
  constructor(
    @InjectModel(RetentionSweepProgress.name)
    private readonly progress: Model<RetentionSweepProgress>,
  ) {}

  /** Where the sweep has got, or undefined when it never completed a round (a new database). */
  async sweptBefore(sweep: string): Promise<Date | undefined> {
    const stored = await this.progress.findById(sweep).lean<RetentionSweepProgress>().exec();
    return stored?.sweptBefore;
  }

  /**
   * Records that the sweep has got to `sweptBefore`. Set as given, even backwards: a cutoff that
   * moved back (a longer retention) must be swept from again, since what was young under the old
   * one may be read and age under the new one; an instance's slower round setting it back makes
   * the next round read a little more, never less.
   */
  async record(sweep: string, sweptBefore: Date): Promise<void> {
    const set = () =>
      this.progress.updateOne({ _id: sweep }, { $set: { sweptBefore } }, { upsert: true }).exec();
    try {
      await set();
    } catch (error) {
      // Two instances' first rounds both tried to insert; the second now updates.
      if (!isDuplicateKey(error)) throw error;
      await set();
    }
  }
}
