/** The doctor search filters, kept in the URL so a search can be bookmarked, shared and revisited. */
export const FILTER_NAMES = ['q', 'specialization', 'city', 'language'] as const;

export type FilterName = (typeof FILTER_NAMES)[number];
export type Filters = Record<FilterName, string>;

export function filtersFrom(params: URLSearchParams): Filters {
  return {
    q: params.get('q') ?? '',
    specialization: params.get('specialization') ?? '',
    city: params.get('city') ?? '',
    language: params.get('language') ?? '',
  };
}

/** Query string for a new search: blank filters are left out and paging starts again at page 1. */
export function paramsFor(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filters[name].trim();
    if (value) params.set(name, value);
  }
  return params;
}

export function pageFrom(params: URLSearchParams): number {
  const page = Number(params.get('page'));
  return Number.isInteger(page) && page > 0 ? page : 1;
}
