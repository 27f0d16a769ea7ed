import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
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
    private readonly directory: DoctorDirectory,
  ) {}

  /**
   * Reviews are never removed, so a count is never smaller than an earlier one: the write is
   * filtered on that, and of two recounts that overlap (on any instances) the one that counted
   * more reviews stands. The directory (and, through its change notice, every gateway's search
   * cache) shows the new rating before the caller is answered.
   */
  async recount(doctorId: string): Promise<void> {
    const totals = await this.totals(doctorId);
    await this.doctors
      .updateOne(
        { _id: doctorId, reviewCount: { $lte: totals.count } },
        { $set: { rating: averageRating(totals), reviewCount: totals.count } },
      )
      .exec();
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
