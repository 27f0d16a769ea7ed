import { useT, AsyncView, CaseStudyArticle, useAsync, type CaseStudyView } from '@arogyam/ui';
import { Link, useParams } from 'react-router-dom';
import { api } from '../session';

/** One published case study, for anyone. */
export function CaseStudyPage() {
  const t = useT();
  const { id = '' } = useParams();
  const loaded = useAsync(
    async (signal) =>
      api.get<CaseStudyView>(`/case-studies/${encodeURIComponent(id)}`, { signal, anonymous: true }),
    [id],
  );
  return (
    <>
      <title>{loaded.data ? `${loaded.data.title} · Arogyam` : 'Case study · Arogyam'}</title>
      <p>
        <Link to="/case-studies">{t('All case studies')}</Link>
      </p>
      <AsyncView
        state={loaded}
        loadingLabel={t('Loading the case study…')}
        errorTitle={t('We could not load this case study')}
      >
        {(caseStudy) => (
          <div className="card">
            <CaseStudyArticle caseStudy={caseStudy} />
            <p>
              <Link to={`/doctors/${caseStudy.author.id}`}>
                {t('About {{name}}', { name: caseStudy.author.fullName })}
              </Link>
            </p>
          </div>
        )}
      </AsyncView>
    </>
  );
}
