import {
  CaseStudyCard,
  EmptyState,
  PagedView,
  useAsync,
  type CaseStudySummary,
  type Page,
} from '@arogyam/ui';
import { Link, useSearchParams } from 'react-router-dom';
import { CaseStudySearchForm } from '../components/case-study-search-form';
import { caseStudyFiltersOf, caseStudyParamsOf, type CaseStudyFilters } from '../case-study-filters';
import { api } from '../session';

/** Published case studies, searched by words, specialty and tag; newest or most read first. */
export function CaseStudiesPage() {
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
      <title>Case studies · Arogyam</title>
      <h1>Case studies</h1>
      <p className="page-intro">
        Cases our doctors wrote up to teach others, reviewed so that no patient can be recognised.
      </p>
      <CaseStudySearchForm filters={filters} onSearch={search} />
      <PagedView
        state={found}
        loadingLabel="Loading case studies…"
        errorTitle="We could not load case studies"
        empty={<EmptyState title="No case studies found">Try fewer words, or another tag.</EmptyState>}
        onPageChange={(next) => setParams({ ...caseStudyParamsOf(filters), page: String(next) })}
      >
        {(items) => (
          <ul className="case-study-list" aria-label="Case studies">
            {items.map((caseStudy) => (
              <CaseStudyCard
                key={caseStudy.id}
                caseStudy={caseStudy}
                title={<Link to={`/case-studies/${caseStudy.id}`}>{caseStudy.title}</Link>}
              />
            ))}
          </ul>
        )}
      </PagedView>
    </>
  );
}
