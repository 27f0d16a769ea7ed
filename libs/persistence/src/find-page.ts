import type { FilterQuery, Model, ProjectionType, SortOrder } from 'mongoose';
import type { PageWindow } from './pagination';

/**
 * Asks our FerretDB build to answer a query whole in PostgreSQL: filter, sort, skip, limit and
 * count (tools/ferretdb/README.md, "ordered pushdown"); MongoDB shows it as the query's comment and
 * does nothing else with it. It is a promise about the data: every field the filter compares holds,
 * in every document, values of one BSON type, scalars unless the comment names the field after
 * `arrays:` (then arrays of them too), and every sort field a present, non-array value of one
 * type. Schemas with required, typed fields keep it; orderedPushdownFor names the array fields
 * from the schema. A filter that is not only equality and `$in` (a range, say) is not pushed
 * down whatever the comment says.
 */
export const ORDERED_PUSHDOWN = 'ordered-pushdown';

/**
 * The ordered-pushdown comment for `filter` on `model`: ORDERED_PUSHDOWN, and the filter's fields
 * that the schema declares as arrays. FerretDB compares the others with `=`, which a compound
 * index's btree serves together with its order (a page stops after its last document); an array
 * field is compared with `@>` (an element equal), which only the GIN companion serves.
 */
export function orderedPushdownFor<T>(model: Model<T>, filter: FilterQuery<T>): string {
  const arrays = Object.keys(filter).filter(
    (field) => !field.startsWith('$') && model.schema.path(field)?.instance === 'Array',
  );
  return arrays.length === 0 ? ORDERED_PUSHDOWN : `${ORDERED_PUSHDOWN} arrays:${arrays.join(',')}`;
}

/**
 * How many documents match `filter`, counted by the database: with FerretDB, in PostgreSQL when the
 * filter is only equality and `$in` (the `count` command, ORDERED_PUSHDOWN as the filter's
 * `$comment`: the driver sends no `comment` with `count`). `countDocuments` is an aggregation
 * FerretDB runs by reading every matching document. The filter is cast by the model's schema, as
 * `countDocuments` would. With `atMost`, counting stops there (on both databases: the count
 * command's `limit`), so a count costs at most that many matches.
 */
export async function countMatching<T>(
  model: Model<T>,
  filter: FilterQuery<T>,
  atMost?: number,
): Promise<number> {
  const cast = model.find(filter).cast(model) as Record<string, unknown>;
  return model.collection.count(
    { ...cast, $comment: orderedPushdownFor(model, filter) },
    atMost ? { limit: atMost } : {},
  );
}

/** The documents of one page, in `sort` order. */
function pageOf<T>(
  model: Model<T>,
  filter: FilterQuery<T>,
  sort: Record<string, SortOrder>,
  window: PageWindow,
  projection?: ProjectionType<T>,
): Promise<T[]> {
  return model
    .find(filter, projection)
    .sort(sort)
    .skip(window.skip)
    .limit(window.limit)
    .comment(orderedPushdownFor(model, filter))
    .lean<T[]>()
    .exec();
}

/**
 * One page of the documents matching `filter`, in `sort` order, and how many match in all: the
 * two queries every paged list makes, side by side. `sort` should end on a unique field (`_id`)
 * so that pages never repeat or skip a document; the fields of both must keep ORDERED_PUSHDOWN's
 * promise.
 */
export async function findPage<T>(
  model: Model<T>,
  filter: FilterQuery<T>,
  sort: Record<string, SortOrder>,
  window: PageWindow,
  projection?: ProjectionType<T>,
): Promise<{ documents: T[]; total: number }> {
  const [documents, total] = await Promise.all([
    pageOf(model, filter, sort, window, projection),
    countMatching(model, filter),
  ]);
  return { documents, total };
}

/**
 * How far past a page's first document a list that grows with the platform is counted: ten of its
 * pages. "120+ doctors", "page 1 of 10+" tell a person what the exact number would, and a count
 * reads every match it counts (on FerretDB each is fetched and checked): counted to the end,
 * everyone's appointments of a day or a national directory cost what they hold on every page
 * (docs/decisions.md, "Lists that grow with the platform").
 */
export const PAGES_COUNTED_AHEAD = 10;

/** A page's total when counting stops PAGES_COUNTED_AHEAD pages past the page's first document. */
export interface TotalCountedAhead {
  total: number;
  /** Counting stopped at `total`: there are at least that many, maybe more. */
  totalIsLowerBound: boolean;
}

/**
 * The total of a page of `pageLength` documents, counted at most PAGES_COUNTED_AHEAD pages past its
 * first: a page that is not full ends the list, so it tells the exact total without a count;
 * otherwise `count(atMost)` is asked. Paging on counts further, and the last page is exact.
 */
export async function totalCountingAhead(
  pageLength: number,
  window: PageWindow,
  count: (atMost: number) => Promise<number>,
): Promise<TotalCountedAhead> {
  const pageTellsTotal = pageLength < window.limit && (pageLength > 0 || window.skip === 0);
  if (pageTellsTotal) return { total: window.skip + pageLength, totalIsLowerBound: false };
  const countUpTo = window.skip + window.limit * PAGES_COUNTED_AHEAD;
  const total = await count(countUpTo);
  return { total, totalIsLowerBound: total >= countUpTo };
}

/**
 * findPage for a list that grows with the platform rather than with one person (a directory, a
 * day of everyone's appointments, an admin's search): the page first, then a count only when the
 * page does not tell the total, of at most PAGES_COUNTED_AHEAD pages (totalCountingAhead).
 */
export async function findPageCountingAhead<T>(
  model: Model<T>,
  filter: FilterQuery<T>,
  sort: Record<string, SortOrder>,
  window: PageWindow,
  projection?: ProjectionType<T>,
): Promise<{ documents: T[] } & TotalCountedAhead> {
  const documents = await pageOf(model, filter, sort, window, projection);
  const total = await totalCountingAhead(documents.length, window, (atMost) =>
    countMatching(model, filter, atMost),
  );
  return { documents, ...total };
}
