import {
  useT,
  CaseStudyCard,
  EmptyState,
  ErrorState,
  Loading,
  useAsync,
  type CaseStudySummary,
  type Page,
} from '@arogyam/ui';
import { Link } from 'react-router-dom';
import { api } from '../session';

/** The doctor's published case studies on their profile, newest first (the first page). */
export function DoctorCaseStudies({ doctorId }: { doctorId: string }) {
  const t = useT();
  const cases = useAsync(
    async (signal) =>
      api.get<Page<CaseStudySummary>>(`/doctors/${encodeURIComponent(doctorId)}/case-studies`, {
        signal,
        anonymous: true,
      }),
    [doctorId],
  );
  return (
    <section className="card" aria-labelledby="case-studies-heading" aria-busy={cases.loading || undefined}>
      <h2 id="case-studies-heading">{t('Case studies')}</h2>
      {cases.loading && !cases.data && <Loading label={t('Loading case studies…')} />}
      {cases.error && (
        <ErrorState
          title={t('We could not load the case studies')}
          message={cases.error.message}
          onRetry={cases.reload}
        />
      )}
      {cases.data && cases.data.items.length === 0 && <EmptyState title={t('No case studies yet')} />}
      {cases.data && cases.data.items.length > 0 && (
        <ul className="case-study-list">
          {cases.data.items.map((caseStudy) => (
            <CaseStudyCard
              key={caseStudy.id}
              caseStudy={caseStudy}
              title={<Link to={`/case-studies/${caseStudy.id}`}>{caseStudy.title}</Link>}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
