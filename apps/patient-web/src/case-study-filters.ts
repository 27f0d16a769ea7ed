import type { CaseStudySort } from '@arogyam/ui';

/** The case study search as the URL holds it, so a search can be shared and Back returns to it. */
export interface CaseStudyFilters {
  q: string;
  specialty: string;
  tag: string;
  sort: CaseStudySort;
}

export const caseStudyFiltersOf = (params: URLSearchParams): CaseStudyFilters => ({
  q: params.get('q') ?? '',
  specialty: params.get('specialty') ?? '',
  tag: params.get('tag') ?? '',
  sort: params.get('sort') === 'most_read' ? 'most_read' : 'newest',
});

/** Only the filters given, so the URL stays short. */
export const caseStudyParamsOf = (filters: CaseStudyFilters): Record<string, string> =>
  Object.fromEntries(
    Object.entries(filters).filter(
      ([name, value]) => value.trim() !== '' && !(name === 'sort' && value === 'newest'),
    ),
  );
