/** Search forms keep their filters in the URL; days (YYYY-MM-DD) are in the admin's own time zone. */
export const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day parameter of the URL, or '' when absent or not a day. */
export const dayParam = (params: URLSearchParams, name: string): string =>
  DAY.test(params.get(name) ?? '') ? (params.get(name) as string) : '';

/** Local midnight of a day, as an instant. */
const startOf = (day: string): string => new Date(`${day}T00:00:00`).toISOString();

/** The start of the day after, as an instant. */
const dayAfter = (day: string): string => {
  const next = new Date(`${day}T00:00:00`);
  next.setDate(next.getDate() + 1);
  return next.toISOString();
};

/** A gateway range from two days, both included: `from` the first's midnight, `to` (exclusive) the day after the last. */
export const instantsOf = (fromDay: string, toDay: string): { from?: string; to?: string } => ({
  from: fromDay ? startOf(fromDay) : undefined,
  to: toDay ? dayAfter(toDay) : undefined,
});

/** The URL's days and page of a search's filters: what each search writes after its own fields. */
export const dayRangeAndPageParams = (filters: {
  fromDay: string;
  toDay: string;
  page: number;
}): Record<string, string> => ({
  ...(filters.fromDay ? { from: filters.fromDay } : {}),
  ...(filters.toDay ? { to: filters.toDay } : {}),
  ...(filters.page > 1 ? { page: String(filters.page) } : {}),
});

/** A page number from the URL: 1 unless a positive integer is given. */
export const pageParam = (params: URLSearchParams): number => {
  const page = Number(params.get('page'));
  return Number.isInteger(page) && page > 0 ? page : 1;
};
