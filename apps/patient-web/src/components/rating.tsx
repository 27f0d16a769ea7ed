import { useT } from '@arogyam/ui';
interface RatingProps {
  rating: number;
  reviewCount: number;
}

/** "★ 4.6 (12 reviews)"; the star is decorative, the words carry the meaning. */
export function Rating({ rating, reviewCount }: RatingProps) {
  const t = useT();
  if (reviewCount === 0) return <p className="muted">{t('No reviews yet')}</p>;
  return (
    <p>
      <span aria-hidden="true">★ </span>
      <span className="visually-hidden">{t('Rated')} </span>
      {rating.toFixed(1)}
      <span className="visually-hidden"> {t('out of 5')}</span>{' '}
      <span className="muted">
        ({reviewCount === 1 ? t('1 review') : t('{{count}} reviews', { count: reviewCount })})
      </span>
    </p>
  );
}
