import {
  currentLocale,
  useT,
  EmptyState,
  ErrorState,
  Loading,
  Pagination,
  useAsync,
  type DoctorSummary,
  type Page,
} from '@arogyam/ui';
import { useSearchParams } from 'react-router-dom';
import { DoctorCard } from '../components/doctor-card';
import { SearchForm } from '../components/search-form';
import { VideoVisitsNow } from '../components/video-visits-now';
import {
  filtersFrom,
  narrowingFilters,
  pageFrom,
  paramsFor,
  searchQueryOf,
  type Filters,
} from '../search-filters';
import { api } from '../session';

const PAGE_SIZE = 12;

export function DoctorSearchPage() {
  const t = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFrom(searchParams);
  const page = pageFrom(searchParams);

  const results = useAsync(
    (signal) =>
      api.get<Page<DoctorSummary>>('/doctors', {
        query: { ...searchQueryOf(filters), page, limit: PAGE_SIZE },
        signal,
      }),
    [searchParams.toString()],
  );

  // Searching again with unchanged filters still asks the server: new doctors may have been verified.
  const search = (next: Filters) => {
    const params = paramsFor(next);
    if (params.toString() === searchParams.toString()) results.reload();
    else setSearchParams(params);
  };

  const goToPage = (next: number) => {
    const params = paramsFor(filters);
    if (next > 1) params.set('page', String(next));
    setSearchParams(params);
    window.scrollTo({ top: 0 });
  };

  return (
    <>
      <title>{t('Find a doctor · Arogyam')}</title>
      <h1>{t('Find a doctor')}</h1>
      <VideoVisitsNow />
      <p className="page-intro">
        {t(
          'Search verified doctors by name, specialization, city or the language you speak; narrow by fee, gender or when they are free, and sort the results.',
        )}
      </p>
      <SearchForm filters={filters} onSearch={search} />
      <SearchResults
        loading={results.loading}
        error={results.error?.message}
        page={results.data}
        narrowedBy={narrowingFilters(filters)}
        onRetry={results.reload}
        onPageChange={goToPage}
      />
    </>
  );
}

interface SearchResultsProps {
  loading: boolean;
  error?: string;
  page?: Page<DoctorSummary>;
  /** The filters in force, in the patient's words: what an empty result suggests loosening. */
  narrowedBy: string[];
  onRetry(): void;
  onPageChange(page: number): void;
}

function SearchResults({ loading, error, page, narrowedBy, onRetry, onPageChange }: SearchResultsProps) {
  const t = useT();
  if (loading) return <Loading label={t('Searching for doctors…')} />;
  if (error) return <ErrorState title={t('We could not load doctors')} message={error} onRetry={onRetry} />;
  if (!page || page.items.length === 0) {
    return (
      <EmptyState title={t('No doctors match your search.')}>
        {narrowedBy.length > 0 ? (
          <>
            <p>{t('Try loosening one of these:')}</p>
            <ul className="loosen-filters">
              {narrowedBy.map((filter) => (
                <li key={filter}>{filter}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t('No verified doctors are listed yet. Please try again later.')}</p>
        )}
      </EmptyState>
    );
  }
  return (
    <section>
      <p role="status" className="results-summary">
        {page.totalIsLowerBound
          ? t('{{count}}+ doctors found', { count: page.total.toLocaleString(currentLocale()) })
          : page.total === 1
            ? t('1 doctor found')
            : t('{{count}} doctors found', { count: page.total.toLocaleString(currentLocale()) })}
      </p>
      <ul className="card-list" aria-label={t('Doctors')}>
        {page.items.map((doctor) => (
          <DoctorCard key={doctor.id} doctor={doctor} />
        ))}
      </ul>
      <Pagination of={page} onPageChange={onPageChange} />
    </section>
  );
}
