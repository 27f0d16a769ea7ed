import type { Review } from '../api/types';
import { formatDate } from '../format/format-date';
import { Stars } from './stars';

/** One review as a list item: stars, who and when, and the patient's words if any. */
export function ReviewItem({ review }: { review: Review }) {
  return (
    <li className="review">
      <p className="review-heading">
        <Stars rating={review.rating} /> <span className="review-author">{review.reviewerName}</span>{' '}
        <span className="muted">· {formatDate(review.createdAt)}</span>
      </p>
      {review.comment && <p className="review-comment">{review.comment}</p>}
    </li>
  );
}
