import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { InjectOutboxRelay, OutboxRelay } from '@arogyam/persistence';
import { Doctor } from '../profiles/doctor.schema';
import { DoctorDirectory } from '../search/doctor-directory';
import { Review } from './review.schema';

interface ReviewTotals {
  count: number;
  stars: number;
}

/** The average of whole stars, to one decimal: 4.67 shows as 4.7. */
export const averageRating = ({ count, stars }: ReviewTotals): number =>
  count === 0 ? 0 : Math.round((stars / count) * 10) / 10;

/**
 * A doctor's `rating` and `reviewCount`, recounted from their reviews after each new one rather
 * than incremented: a recount that starts after a review was stored always includes it, so
 * concurrent reviews converge on the true figures, and a lost or repeated write is repaired by
 * the next recount (docs/decisions.md, "Reviews").
 */
@Injectable()
export class DoctorRating {
  constructor(
    @InjectModel(Doctor.name) private readonly doctors: Model<Doctor>,
    @InjectModel(Review.name) private readonly reviews: Model<Review>,
    @InjectOutboxRelay(Doctor.name) private readonly relay: OutboxRelay<Doctor>,
    private readonly directory: DoctorDirectory,
  ) {}

  /**
   * In the doctor's turn on this instance: recounts of one doctor run one after another, so the
   * last write is from the last count. The directory (and, through its change notice, every
   * gateway's search cache) shows the new rating before the caller is answered.
   */
  async recount(doctorId: string): Promise<void> {
    await this.relay.inTurn(doctorId, async () => {
      const totals = await this.totals(doctorId);
      await this.doctors
        .updateOne({ _id: doctorId }, { $set: { rating: averageRating(totals), reviewCount: totals.count } })
        .exec();
    });
    await this.directory.changed(doctorId);
  }

  /**
   * `$match` + `$group` by star: what FerretDB 1.24 aggregates correctly. It has no `$avg`, and a
   * group with two `$sum`s (count and stars) answered 0 for the second, so the count per star
   * (at most five rows) is summed here.
   */
  private async totals(doctorId: string): Promise<ReviewTotals> {
    const perStar = await this.reviews
      .aggregate<{ _id: number; count: number }>([
        { $match: { doctorId } },
        { $group: { _id: '$rating', count: { $sum: 1 } } },
      ])
      .exec();
    return perStar.reduce(
      (totals, { _id: star, count }) => ({ count: totals.count + count, stars: totals.stars + star * count }),
      { count: 0, stars: 0 },
    );
  }
}
