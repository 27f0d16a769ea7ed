import {
  CASE_STUDY_STATUS_LABELS,
  CaseStudyCard,
  EmptyState,
  PagedView,
  useAsync,
  type CaseStudySummary,
  type Page,
} from '@arogyam/ui';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../session';

/** The doctor's own case studies, every status, with the reviewer's comments on returned ones. */
export function CaseStudiesPage() {
  const [page, setPage] = useState(1);
  const mine = useAsync(
    async (signal) => api.get<Page<CaseStudySummary>>('/case-studies/mine', { query: { page }, signal }),
    [page],
  );
  return (
    <>
      <title>Case studies · Arogyam for Doctors</title>
      <h1>Case studies</h1>
      <p className="page-intro">
        Share what a case taught you. An admin reviews each case before patients and colleagues can read it.
      </p>
      <p>
        <Link className="button button-primary" to="/case-studies/new">
          Write a case study
        </Link>
      </p>
      <PagedView
        state={mine}
        loadingLabel="Loading your case studies…"
        errorTitle="We could not load your case studies"
        empty={
          <EmptyState title="No case studies yet">
            Your drafts and published cases will be listed here.
          </EmptyState>
        }
        onPageChange={setPage}
      >
        {(items) => (
          <ul className="case-study-list" aria-label="My case studies">
            {items.map((caseStudy) => (
              <CaseStudyCard
                key={caseStudy.id}
                caseStudy={caseStudy}
                title={<Link to={`/case-studies/${caseStudy.id}`}>{caseStudy.title}</Link>}
              >
                <p>
                  <strong>{CASE_STUDY_STATUS_LABELS[caseStudy.status]}</strong>
                </p>
                {caseStudy.status === 'returned' && caseStudy.reviewComments && (
                  <p>Reviewer&apos;s comments: {caseStudy.reviewComments}</p>
                )}
              </CaseStudyCard>
            ))}
          </ul>
        )}
      </PagedView>
    </>
  );
}
