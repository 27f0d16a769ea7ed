import type { AppointmentReviewView, ReviewView } from '@arogyam/contracts';
import type { Review } from './review.schema';

export const toReviewView = (review: Review): ReviewView => ({
  id: review._id,
  rating: review.rating,
  ...(review.comment ? { comment: review.comment } : {}),
  reviewerName: review.reviewerName,
  createdAt: new Date(review.createdAt).toISOString(),
});

export const toAppointmentReviewView = (review: Review): AppointmentReviewView => ({
  ...toReviewView(review),
  appointmentId: review._id,
  doctorId: review.doctorId,
});
