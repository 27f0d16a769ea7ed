import { useT, CaseStudyCard, CaseStudyList, useAsync, type CaseStudySummary, type Page } from '@arogyam/ui';
import { Link, useSearchParams } from 'react-router-dom';
import { CaseStudySearchForm } from '../components/case-study-search-form';
import { caseStudyFiltersOf, caseStudyParamsOf, type CaseStudyFilters } from '../case-study-filters';
import { api } from '../session';

/** Published case studies, searched by words, specialty and tag; newest or most read first. */
export function CaseStudiesPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const filters = caseStudyFiltersOf(params);
  const page = Number(params.get('page') ?? '1') || 1;
  const found = useAsync(
    async (signal) =>
      api.get<Page<CaseStudySummary>>('/case-studies', {
        query: { ...caseStudyParamsOf(filters), page },
        signal,
        anonymous: true,
      }),
    [params.toString()],
  );
  const search = (next: CaseStudyFilters) => setParams(caseStudyParamsOf(next));

  return (
    <>
      <title>{t('Case studies · Arogyam')}</title>
      <h1>{t('Case studies')}</h1>
      <p className="page-intro">
        {t('Cases our doctors wrote up to teach others, reviewed so that no patient can be recognised.')}
      </p>
      <CaseStudySearchForm filters={filters} onSearch={search} />
      <CaseStudyList
        state={found}
        loadingLabel={t('Loading case studies…')}
        errorTitle={t('We could not load case studies')}
        emptyTitle={t('No case studies found')}
        emptyHint={t('Try fewer words, or another tag.')}
        onPageChange={(next) => setParams({ ...caseStudyParamsOf(filters), page: String(next) })}
        label={t('Case studies')}
      >
        {(caseStudy) => (
          <CaseStudyCard
            key={caseStudy.id}
            caseStudy={caseStudy}
            title={<Link to={`/case-studies/${caseStudy.id}`}>{caseStudy.title}</Link>}
          />
        )}
      </CaseStudyList>
    </>
  );
}
