import {
  useT,
  AsyncView,
  CASE_STUDY_STATUS_LABELS,
  CaseStudyArticle,
  StatusMessage,
  toApiError,
  useAsync,
  type CaseStudyView,
} from '@arogyam/ui';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { CaseStudyForm } from '../components/case-study-form';
import { bodyOf, draftOf, EMPTY_DRAFT, type CaseStudyDraft } from '../case-study-draft';
import { caseProblemsOf, firstProblemControl, type CaseProblems } from '../case-study-problems';
import { api } from '../session';

const EDITABLE = ['draft', 'returned'];

/** `/case-studies/new` and `/case-studies/:id`: the editor of a draft or returned case, else the case as read. */
export function CaseStudyEditorPage() {
  const t = useT();
  const { id } = useParams();
  const loaded = useAsync(
    async (signal) =>
      id ? api.get<CaseStudyView>(`/case-studies/${encodeURIComponent(id)}`, { signal }) : null,
    [id],
  );
  return (
    <>
      <title>{t('Case study · Arogyam for Doctors')}</title>
      <p>
        <Link to="/case-studies">{t('All my case studies')}</Link>
      </p>
      <AsyncView
        state={loaded}
        loadingLabel={t('Loading the case study…')}
        errorTitle={t('We could not load this case study')}
      >
        {(caseStudy) =>
          caseStudy && !EDITABLE.includes(caseStudy.status) ? (
            <section className="card">
              <p className="case-study-meta">Status: {CASE_STUDY_STATUS_LABELS[caseStudy.status]}</p>
              <CaseStudyArticle caseStudy={caseStudy} />
            </section>
          ) : (
            <CaseStudyEditor
              key={caseStudy?.id ?? 'new'}
              caseStudy={caseStudy ?? undefined}
              onDone={loaded.setData}
            />
          )
        }
      </AsyncView>
    </>
  );
}

function CaseStudyEditor({
  caseStudy,
  onDone,
}: {
  caseStudy?: CaseStudyView;
  onDone(submitted: CaseStudyView): void;
}) {
  const t = useT();
  const [draft, setDraft] = useState<CaseStudyDraft>(caseStudy ? draftOf(caseStudy) : EMPTY_DRAFT);
  const [problems, setProblems] = useState<CaseProblems>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [focusTarget, setFocusTarget] = useState<string>();

  // The first problem gets the focus, so a keyboard or screen reader user lands on it.
  useEffect(() => {
    if (focusTarget) document.getElementById(focusTarget)?.focus();
  }, [focusTarget]);

  // A new case gets its id at its first save; later saves change that case, not a new one.
  const [savedId, setSavedId] = useState(caseStudy?.id);

  const save = async (): Promise<CaseStudyView> => {
    if (savedId)
      return api.put<CaseStudyView>(`/case-studies/mine/${encodeURIComponent(savedId)}`, bodyOf(draft));
    const created = await api.post<CaseStudyView>('/case-studies/mine', bodyOf(draft));
    setSavedId(created.id);
    return created;
  };

  const run = async (action: 'save' | 'submit') => {
    if (busy) return;
    setBusy(action);
    setProblems({});
    setFormError(null);
    setFocusTarget(undefined);
    try {
      const saved = await save();
      if (action === 'save') {
        setAnnouncement('Draft saved.');
        return;
      }
      const submitted = await api.post<CaseStudyView>(
        `/case-studies/mine/${encodeURIComponent(saved.id)}/submit`,
      );
      onDone(submitted);
    } catch (thrown) {
      const error = toApiError(thrown);
      const found = caseProblemsOf(error);
      setProblems(found);
      setFormError(
        error.code === 'identifying_details'
          ? `${error.message} ${t('The places are marked under each field.')}`
          : error.message,
      );
      setFocusTarget(firstProblemControl(found));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card">
      <h1>{caseStudy ? 'Edit case study' : 'New case study'}</h1>
      {caseStudy?.status === 'returned' && caseStudy.reviewComments && (
        <div className="form-error" role="note">
          <p>
            <strong>{t('Returned with comments:')}</strong> {caseStudy.reviewComments}
          </p>
        </div>
      )}
      <p className="page-intro">
        {t(
          "Before a case is submitted, it is checked for anything that could identify a patient: your patients' names, phone numbers, emails, record numbers, addresses and dates of birth.",
        )}
      </p>
      <StatusMessage message={announcement} />
      <CaseStudyForm
        draft={draft}
        onChange={setDraft}
        problems={problems}
        formError={formError}
        busy={busy}
        onSave={() => void run('save')}
        onSubmit={() => void run('submit')}
      />
    </section>
  );
}
