import { MAX_STARS } from './review-stars';

/** "★★★★☆" for the eye, "Rated 4 out of 5" for a screen reader. */
export function Stars({ rating }: { rating: number }) {
  const filled = Math.round(rating);
  return (
    <span className="stars">
      <span aria-hidden="true">{'★'.repeat(filled) + '☆'.repeat(MAX_STARS - filled)}</span>
      <span className="visually-hidden">{`Rated ${rating} out of ${MAX_STARS}`}</span>
    </span>
  );
}
