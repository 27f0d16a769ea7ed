import { Injectable } from '@nestjs/common';
import { DoctorRepository } from '../profiles/doctor.repository';
import { DoctorListingNotices } from '../search/doctor-listing-notices';
import { ReviewRepository, type StarCount } from './review.repository';

interface ReviewTotals {
  count: number;
  stars: number;
}

/** The average of whole stars, to one decimal: 4.67 shows as 4.7. */
export const averageRating = ({ count, stars }: ReviewTotals): number =>
  count === 0 ? 0 : Math.round((stars / count) * 10) / 10;

const totalsOf = (perStar: StarCount[]): ReviewTotals =>
  perStar.reduce(
    (totals, { stars, count }) => ({ count: totals.count + count, stars: totals.stars + stars * count }),
    { count: 0, stars: 0 },
  );

/**
 * A doctor's `rating` and `reviewCount`, recounted from their reviews after each new one rather
 * than incremented: a recount that starts after a review was stored always includes it, so
 * concurrent reviews converge on the true figures, and a lost or repeated write is repaired by
 * the next recount (docs/decisions.md, "Reviews").
 */
@Injectable()
export class DoctorRating {
  constructor(
    private readonly doctors: DoctorRepository,
    private readonly reviews: ReviewRepository,
    private readonly listings: DoctorListingNotices,
  ) {}

  /**
   * Of two recounts that overlap (on any instances) the one that counted more reviews stands
   * (DoctorRepository.recordRating). Search reads the new rating from the database at once; the
   * change notice tells every gateway to drop its cached search answers before the caller is
   * answered.
   */
  async recount(doctorId: string): Promise<void> {
    const totals = totalsOf(await this.reviews.countsPerStar(doctorId));
    await this.doctors.recordRating(doctorId, averageRating(totals), totals.count);
    this.listings.changed(doctorId);
  }
}
