interface RatingProps {
  rating: number;
  reviewCount: number;
}

/** "★ 4.6 (12 reviews)"; the star is decorative, the words carry the meaning. */
export function Rating({ rating, reviewCount }: RatingProps) {
  if (reviewCount === 0) return <p className="muted">No reviews yet</p>;
  return (
    <p>
      <span aria-hidden="true">★ </span>
      <span className="visually-hidden">Rated </span>
      {rating.toFixed(1)}
      <span className="visually-hidden"> out of 5</span>{' '}
      <span className="muted">
        ({reviewCount} {reviewCount === 1 ? 'review' : 'reviews'})
      </span>
    </p>
  );
}
