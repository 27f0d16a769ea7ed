import {
  useT,
  CASE_STUDY_STATUS_LABELS,
  CaseStudyCard,
  CaseStudyList,
  useAsync,
  type CaseStudySummary,
  type Page,
} from '@arogyam/ui';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../session';

/** The doctor's own case studies, every status, with the reviewer's comments on returned ones. */
export function CaseStudiesPage() {
  const t = useT();
  const [page, setPage] = useState(1);
  const mine = useAsync(
    async (signal) => api.get<Page<CaseStudySummary>>('/case-studies/mine', { query: { page }, signal }),
    [page],
  );
  return (
    <>
      <title>{t('Case studies · Arogyam for Doctors')}</title>
      <h1>{t('Case studies')}</h1>
      <p className="page-intro">
        {t(
          'Share what a case taught you. An admin reviews each case before patients and colleagues can read it.',
        )}
      </p>
      <p>
        <Link className="button button-primary" to="/case-studies/new">
          {t('Write a case study')}
        </Link>
      </p>
      <CaseStudyList
        state={mine}
        loadingLabel={t('Loading your case studies…')}
        errorTitle={t('We could not load your case studies')}
        emptyTitle={t('No case studies yet')}
        emptyHint={t('Your drafts and published cases will be listed here.')}
        onPageChange={setPage}
        label={t('My case studies')}
      >
        {(caseStudy) => (
          <CaseStudyCard
            key={caseStudy.id}
            caseStudy={caseStudy}
            title={<Link to={`/case-studies/${caseStudy.id}`}>{caseStudy.title}</Link>}
          >
            <p>
              <strong>{t(CASE_STUDY_STATUS_LABELS[caseStudy.status])}</strong>
            </p>
            {caseStudy.status === 'returned' && caseStudy.reviewComments && (
              <p>{t("Reviewer's comments: {{comments}}", { comments: caseStudy.reviewComments })}</p>
            )}
          </CaseStudyCard>
        )}
      </CaseStudyList>
    </>
  );
}
