import {
  useT,
  AsyncView,
  Button,
  CaseStudyArticle,
  CaseStudyCard,
  FormError,
  useAction,
  useAsync,
  useSubmit,
  type CaseStudySummary,
  type CaseStudyView,
} from '@arogyam/ui';
import { useState } from 'react';
import { api } from '../session';
import { ReasonForm } from './reason-form';

interface CaseStudyReviewRowProps {
  caseStudy: CaseStudySummary;
  /** Called once the server recorded the decision, so the queue can drop the row. */
  onDecided(caseStudy: CaseStudySummary, decision: 'published' | 'returned'): void;
}

/** One submitted case: read it whole, then publish it or return it with comments for its author. */
export function CaseStudyReviewRow({ caseStudy, onDecided }: CaseStudyReviewRowProps) {
  const t = useT();
  const [reading, setReading] = useState(false);
  const [returning, setReturning] = useState(false);
  const approval = useAction();
  const returned = useSubmit(['comments']);
  const path = `/admin/case-studies/${encodeURIComponent(caseStudy.id)}`;

  const approve = () =>
    approval.run(async () => {
      await api.post(`${path}/approve`);
      onDecided(caseStudy, 'published');
    });

  const sendBack = returned.handleSubmit(async (data) => {
    await api.post(`${path}/return`, { comments: String(data.get('comments') ?? '') });
    onDecided(caseStudy, 'returned');
  });

  return (
    <CaseStudyCard caseStudy={caseStudy} title={caseStudy.title}>
      {reading ? (
        <CaseStudyText id={caseStudy.id} />
      ) : (
        <Button variant="secondary" onClick={() => setReading(true)}>
          {t('Read the case')}
        </Button>
      )}
      <FormError message={approval.error?.message} />
      {returning ? (
        <ReasonForm
          submission={returned}
          onSubmit={sendBack}
          name="comments"
          label={t('Comments for the author')}
          hint={t('What to change before it can be published.')}
          submitLabel={t('Return to author')}
          onCancel={() => setReturning(false)}
        />
      ) : (
        <div className="row-actions">
          <Button busy={approval.busy} onClick={() => void approve()}>
            {t('Approve and publish')}
          </Button>
          <Button variant="secondary" onClick={() => setReturning(true)}>
            {t('Return with comments')}
          </Button>
        </div>
      )}
    </CaseStudyCard>
  );
}

function CaseStudyText({ id }: { id: string }) {
  const t = useT();
  const loaded = useAsync(
    async (signal) => api.get<CaseStudyView>(`/case-studies/${encodeURIComponent(id)}`, { signal }),
    [id],
  );
  return (
    <AsyncView
      state={loaded}
      loadingLabel={t('Loading the case…')}
      errorTitle={t('We could not load the case')}
    >
      {(caseStudy) => <CaseStudyArticle caseStudy={caseStudy} level={2} />}
    </AsyncView>
  );
}
