import { useT, CaseStudyList, StatusMessage, useAsync, type CaseStudySummary, type Page } from '@arogyam/ui';
import { useState } from 'react';
import { CaseStudyReviewRow } from '../components/case-study-review-row';
import { dropFromPage } from '../drop-from-page';
import { api } from '../session';

/** The review queue of case studies: submitted ones, oldest first. */
export function CaseStudiesPage() {
  const t = useT();
  const [page, setPage] = useState(1);
  const [announcement, setAnnouncement] = useState('');
  const queue = useAsync(
    async (signal) =>
      api.get<Page<CaseStudySummary>>('/admin/case-studies', {
        query: { status: 'submitted', page },
        signal,
      }),
    [page],
  );

  // The decision stands: the case is no longer submitted, so its row leaves the queue.
  const removeDecided = (caseStudy: CaseStudySummary, decision: 'published' | 'returned') => {
    queue.setData(dropFromPage(caseStudy.id));
    setAnnouncement(
      t(decision === 'published' ? '"{{title}}" was published.' : '"{{title}}" was returned to its author.', {
        title: caseStudy.title,
      }),
    );
  };

  return (
    <>
      <title>{t('Case studies · Arogyam Admin')}</title>
      <h1>{t('Case studies awaiting review')}</h1>
      <p className="page-intro">
        {t(
          'Read each case for anything that could still identify a patient, and for its teaching value; publish it, or return it with comments its author will see.',
        )}
      </p>
      <StatusMessage message={announcement} />
      <CaseStudyList
        state={queue}
        loadingLabel={t('Loading case studies awaiting review…')}
        errorTitle={t('We could not load the review queue')}
        emptyTitle={t('No case studies awaiting review')}
        emptyHint={t('Submitted cases appear here.')}
        onPageChange={setPage}
        label={t('Case studies awaiting review')}
      >
        {(caseStudy) => (
          <CaseStudyReviewRow key={caseStudy.id} caseStudy={caseStudy} onDecided={removeDecided} />
        )}
      </CaseStudyList>
    </>
  );
}
