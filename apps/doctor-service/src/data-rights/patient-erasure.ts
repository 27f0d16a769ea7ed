import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { ERASED_PATIENT_NAME, UserEventTypes, erasedPatientOf, type EventEnvelope } from '@arogyam/contracts';
import type { EventHandler } from '@arogyam/messaging';
import type { OtherEventHandlers } from '@arogyam/persistence';
import { Review } from '../reviews/review.schema';

/**
 * `user.erased` of a patient: their reviews keep the rating (the doctor's average stays true) and
 * lose the name and the comment, the patient's own words. Case studies are the doctor's and name
 * no patient already (case-studies/). A redelivery rewrites the same values.
 */
@Injectable()
export class PatientErasure implements OtherEventHandlers {
  constructor(@InjectModel(Review.name) private readonly reviews: Model<Review>) {}

  handlers(): Record<string, EventHandler> {
    return { [UserEventTypes.erased]: (event) => this.erase(event) };
  }

  async erase(event: EventEnvelope): Promise<void> {
    const patientId = erasedPatientOf(event);
    if (!patientId) return;
    // The driver's own update: a review is immutable to the application, and this is the one
    // change the law asks of it.
    await this.reviews.collection.updateMany(
      { patientId },
      { $set: { reviewerName: ERASED_PATIENT_NAME }, $unset: { comment: '' } },
    );
  }
}
