import { useState } from 'react';
import type { ApiClient } from '../api/api-client';
import type { Page, Review } from '../api/types';
import { Button } from '../components/button';
import { EmptyState } from '../components/empty-state';
import { ErrorState } from '../components/error-state';
import { Loading } from '../components/loading';
import { useAsync } from '../hooks/use-async';
import { ReviewItem } from './review-item';
import { useT } from '../i18n/use-t';

const REVIEWS_PER_PAGE = 5;

interface DoctorReviewsProps {
  api: ApiClient;
  doctorId: string;
  heading: string;
  /** What the empty state says under "No reviews yet". */
  emptyHint: string;
}

/** A doctor's reviews, newest first; "Show more reviews" appends the next page below. */
export function DoctorReviews({ api, doctorId, heading, emptyHint }: DoctorReviewsProps) {
  const t = useT();
  const [page, setPage] = useState(1);
  const [shown, setShown] = useState<Review[]>([]);
  const next = useAsync(
    async (signal) => {
      const path = `/doctors/${encodeURIComponent(doctorId)}/reviews?page=${page}&limit=${REVIEWS_PER_PAGE}`;
      const answer = await api.get<Page<Review>>(path, { signal });
      setShown((earlier) => (page === 1 ? answer.items : [...earlier, ...answer.items]));
      return answer;
    },
    [doctorId, page],
  );
  const total = next.data?.total ?? 0;

  return (
    <section className="card" aria-labelledby="reviews-heading" aria-busy={next.loading || undefined}>
      <h2 id="reviews-heading">{heading}</h2>
      {next.loading && shown.length === 0 && <Loading label={t('Loading reviews…')} />}
      {!next.loading && !next.error && total === 0 && (
        <EmptyState title={t('No reviews yet')}>
          <p>{emptyHint}</p>
        </EmptyState>
      )}
      {shown.length > 0 && (
        <ul className="review-list">
          {shown.map((review) => (
            <ReviewItem key={review.id} review={review} />
          ))}
        </ul>
      )}
      {next.error && (
        <ErrorState
          title={t('We could not load the reviews')}
          message={next.error.message}
          onRetry={next.reload}
        />
      )}
      {shown.length < total && !next.error && (
        <div className="row-actions">
          <Button variant="secondary" busy={next.loading} onClick={() => setPage((current) => current + 1)}>
            {t('Show more reviews')}
          </Button>
          <span className="muted">{`Showing ${shown.length} of ${total}`}</span>
        </div>
      )}
    </section>
  );
}
