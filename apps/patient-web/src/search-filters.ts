import { translate } from '@arogyam/ui';
/** The doctor search filters, kept in the URL so a search can be bookmarked, shared and revisited. */
export const FILTER_NAMES = [
  'q',
  'specialization',
  'city',
  'language',
  'feeFrom',
  'feeTo',
  'gender',
  'available',
  'sort',
] as const;

export type FilterName = (typeof FILTER_NAMES)[number];
/** Every filter as the URL has it; fees in whole rupees, as patients think of them. */
export type Filters = Record<FilterName, string>;

export function filtersFrom(params: URLSearchParams): Filters {
  return Object.fromEntries(FILTER_NAMES.map((name) => [name, params.get(name) ?? ''])) as Filters;
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

/** Whole rupees from the URL, or undefined when blank or not a whole amount (an edited URL). */
export function rupeesFrom(value: string): number | undefined {
  const rupees = Number(value.trim());
  return value.trim() !== '' && Number.isInteger(rupees) && rupees >= 0 ? rupees : undefined;
}

/**
 * What GET /api/doctors is asked: fees in paise (the API's unit), and "today"/"this week" in the
 * patient's own time zone. Values an edited URL made unusable are left out rather than failing.
 */
export function searchQueryOf(filters: Filters): Record<string, string | number> {
  const query: Record<string, string | number> = {};
  for (const name of ['q', 'specialization', 'city', 'language', 'gender', 'available', 'sort'] as const) {
    const value = filters[name].trim();
    if (value) query[name] = value;
  }
  const minRupees = rupeesFrom(filters.feeFrom);
  const maxRupees = rupeesFrom(filters.feeTo);
  if (minRupees !== undefined) query.minFee = minRupees * 100;
  if (maxRupees !== undefined && (minRupees === undefined || maxRupees >= minRupees))
    query.maxFee = maxRupees * 100;
  if (query.available) query.tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return query;
}

const rupees = (amount: number): string => `₹${amount.toLocaleString('en-IN')}`;

/**
 * The filters narrowing a search, in the patient's words, for an empty result to name what to
 * loosen ("fee ₹500–₹1,000", "available today").
 */
export function narrowingFilters(filters: Filters): string[] {
  const named: string[] = [];
  if (filters.q.trim()) named.push(translate('name “{{value}}”', { value: filters.q.trim() }));
  if (filters.specialization.trim())
    named.push(translate('specialization “{{value}}”', { value: filters.specialization.trim() }));
  if (filters.city.trim()) named.push(translate('city “{{value}}”', { value: filters.city.trim() }));
  if (filters.language.trim())
    named.push(translate('language “{{value}}”', { value: filters.language.trim() }));
  const from = rupeesFrom(filters.feeFrom);
  const to = rupeesFrom(filters.feeTo);
  if (from !== undefined && to !== undefined)
    named.push(translate('fee {{from}}–{{to}}', { from: rupees(from), to: rupees(to) }));
  else if (from !== undefined) named.push(translate('fee from {{amount}}', { amount: rupees(from) }));
  else if (to !== undefined) named.push(translate('fee up to {{amount}}', { amount: rupees(to) }));
  if (filters.gender) named.push(translate('gender: {{gender}}', { gender: translate(filters.gender) }));
  if (filters.available === 'today') named.push(translate('available today'));
  if (filters.available === 'week') named.push(translate('available this week'));
  return named;
}
