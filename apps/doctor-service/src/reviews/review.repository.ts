import { Injectable } from '@nestjs/common';
import { InjectModel, type ModelDefinition } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { PatientDataPage } from '@arogyam/contracts';
import { findPage, patientDataPage, type PageWindow } from '@arogyam/persistence';
import { Review, ReviewSchema } from './review.schema';
import { toReviewView } from './review-views';

// The patient's own reviews (`exportPage`, their data export).
ReviewSchema.index({ patientId: 1, _id: 1 });
// A doctor's reviews newest first (`pageOfDoctor`), and their count per star (`countsPerStar`).
ReviewSchema.index({ doctorId: 1, createdAt: -1, _id: 1 });

export const reviewModel: ModelDefinition = { name: Review.name, schema: ReviewSchema };

const NEWEST_FIRST = { createdAt: -1, _id: 1 } as const;

/** How many of a doctor's reviews gave this many stars. */
export interface StarCount {
  stars: number;
  count: number;
}

/** Every read and write of `reviews`: by `_id` (the appointment id) or by the doctor. */
@Injectable()
export class ReviewRepository {
  constructor(@InjectModel(Review.name) private readonly reviews: Model<Review>) {}

  /**
   * Stores a new review; rejects with a duplicate-key error (isDuplicateKey) when the appointment
   * has one already: the unique `_id` is the claim.
   */
  async insert(review: Omit<Review, 'createdAt'>): Promise<Review> {
    return (await this.reviews.create(review)).toObject<Review>();
  }

  /** The review of this appointment, if it has one (without its outbox). */
  findById(appointmentId: string): Promise<Review | null> {
    return this.reviews.findById(appointmentId, { outbox: 0 }).lean<Review>().exec();
  }

  pageOfDoctor(doctorId: string, window: PageWindow): Promise<{ documents: Review[]; total: number }> {
    return findPage(this.reviews, { doctorId }, NEWEST_FIRST, window);
  }

  /**
   * `$match` + `$group` by star: what FerretDB 1.24 aggregates correctly. It has no `$avg`, and a
   * group with two `$sum`s (count and stars) answered 0 for the second, so the caller sums the
   * (at most five) rows.
   */
  async countsPerStar(doctorId: string): Promise<StarCount[]> {
    const perStar = await this.reviews
      .aggregate<{ _id: number; count: number }>([
        { $match: { doctorId } },
        { $group: { _id: '$rating', count: { $sum: 1 } } },
      ])
      .exec();
    return perStar.map(({ _id: stars, count }) => ({ stars, count }));
  }

  /** The reviews the patient wrote, for their data export. */
  exportPage(patientId: string, cursor: string | undefined): Promise<PatientDataPage> {
    return patientDataPage(this.reviews, { patientId }, cursor, (review) => ({
      ...toReviewView(review),
      doctorId: review.doctorId,
      appointmentId: review._id,
    }));
  }
}
