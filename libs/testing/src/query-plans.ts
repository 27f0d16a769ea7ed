import type { Connection } from 'mongoose';

/**
 * Proof that a repository's queries are served by its declared indexes, read from the plan the
 * database itself reports (`explain`): MongoDB's winning plan, or on FerretDB the PostgreSQL plan
 * of the part of the filter it pushes down (tools/ferretdb/README.md). Used by every
 * `*.repository.int.spec.ts`: record what the repository sends while its methods run, then ask
 * the database how it would read each filter.
 */

/** One query a repository sent: its collection, the operation, its filter and comment. */
export interface RecordedQuery {
  collection: string;
  operation: string;
  filter: Record<string, unknown>;
  /** As sent (persistence's ordered pushdown changes how FerretDB compares, so the plan). */
  comment?: string;
}

/** What the database says it reads for a filter. */
export interface QueryPlanSummary {
  /** The indexes the plan reads. */
  indexes: string[];
  /** Whether any part of the plan reads the whole collection. */
  fullScan: boolean;
  /** Whether the plan sorts what it read (rather than reading an index in the asked order). */
  sortedAfterScan: boolean;
}

/** Operations whose first argument is a filter (mongoose's debug hook names them so). */
const FILTERED = new Set([
  'find',
  'findOne',
  'countDocuments',
  'count',
  'distinct',
  'updateOne',
  'updateMany',
  'replaceOne',
  'deleteOne',
  'deleteMany',
  'findOneAndUpdate',
  'findOneAndDelete',
  'findOneAndReplace',
]);

/**
 * Records every filtered query sent on `connection` until `stop()`. Aggregations are recorded
 * by their first `$match` (what FerretDB pushes down, and what MongoDB can serve from an index).
 */
export function recordQueries(connection: Connection): { queries: RecordedQuery[]; stop(): void } {
  const queries: RecordedQuery[] = [];
  connection.set('debug', (collection: string, operation: string, ...args: unknown[]) => {
    if (FILTERED.has(operation)) {
      // `$comment` (persistence's ordered-pushdown mark) is no condition.
      const { $comment, ...filter } = (args[0] ?? {}) as Record<string, unknown>;
      const comment = typeof $comment === 'string' ? $comment : commentOf(args.slice(1));
      queries.push({ collection, operation, filter, ...(comment ? { comment } : {}) });
    } else if (operation === 'aggregate' && Array.isArray(args[0])) {
      const first = (args[0] as Record<string, unknown>[])[0];
      if (first && '$match' in first) {
        queries.push({ collection, operation, filter: first.$match as Record<string, unknown> });
      }
    }
  });
  return { queries, stop: () => connection.set('debug', false) };
}

/** The comment a query's options carry (`.comment()`: mongoose passes it in the options). */
function commentOf(options: unknown[]): string | undefined {
  for (const option of options) {
    const comment = (option as { comment?: unknown } | null)?.comment;
    if (typeof option === 'object' && typeof comment === 'string') return comment;
  }
  return undefined;
}

/** A query explained as sent: its order, size and comment (persistence's ordered pushdown). */
export interface ExplainedQuery {
  sort?: Record<string, 1 | -1>;
  limit?: number;
  comment?: string;
}

/** A page of a query: in an order, so many. */
export interface ExplainedPage extends ExplainedQuery {
  sort: Record<string, 1 | -1>;
  limit: number;
}

/**
 * How the database would read the documents matching `filter` in `collection`, sent as `how`
 * says; with a sort, how it would read them in that order.
 */
export async function explainFilter(
  connection: Connection,
  collection: string,
  filter: Record<string, unknown>,
  how: ExplainedQuery = {},
): Promise<QueryPlanSummary> {
  let cursor = connection.db!.collection(collection).find(filter);
  if (how.sort) cursor = cursor.sort(how.sort);
  if (how.limit) cursor = cursor.limit(how.limit);
  if (how.comment) cursor = cursor.comment(how.comment);
  const explained = (await cursor.explain()) as {
    queryPlanner?: Record<string, unknown>;
    sortPushdown?: boolean; // FerretDB's: whether PostgreSQL was asked for the order
  };
  const planner = explained.queryPlanner ?? {};
  const summary: QueryPlanSummary = { indexes: [], fullScan: false, sortedAfterScan: false };
  // MongoDB: a tree of stages under winningPlan; FerretDB on PostgreSQL: PostgreSQL's own plan.
  if ('winningPlan' in planner) walkMongoPlan(planner.winningPlan, summary);
  else if ('Plan' in planner) walkPostgresPlan(planner.Plan, summary);
  else summary.fullScan = true; // nothing pushed down: the server reads every document
  // FerretDB sorts in its own process what PostgreSQL returned, unless the sort was pushed down.
  if (how.sort && 'Plan' in planner && explained.sortPushdown !== true) summary.sortedAfterScan = true;
  return summary;
}

function walkMongoPlan(stage: unknown, summary: QueryPlanSummary): void {
  if (!stage || typeof stage !== 'object') return;
  const node = stage as Record<string, unknown>;
  const name = String(node.stage ?? '');
  if (name === 'COLLSCAN') summary.fullScan = true;
  if (name === 'SORT') summary.sortedAfterScan = true;
  if (typeof node.indexName === 'string') summary.indexes.push(node.indexName);
  if (name === 'IDHACK' || name === 'EXPRESS_IXSCAN') summary.indexes.push('_id_');
  for (const child of [node.inputStage, ...((node.inputStages as unknown[]) ?? [])])
    walkMongoPlan(child, summary);
}

function walkPostgresPlan(plan: unknown, summary: QueryPlanSummary): void {
  if (!plan || typeof plan !== 'object') return;
  const node = plan as Record<string, unknown>;
  if (node['Node Type'] === 'Seq Scan') summary.fullScan = true;
  if (node['Node Type'] === 'Sort' || node['Node Type'] === 'Incremental Sort')
    summary.sortedAfterScan = true;
  if (typeof node['Index Name'] === 'string') summary.indexes.push(node['Index Name']);
  for (const child of (node.Plans as unknown[]) ?? []) walkPostgresPlan(child, summary);
}

/** A recorded query the database would answer by reading the whole collection, with why. */
export interface UnservedQuery extends RecordedQuery {
  plan: QueryPlanSummary;
}

/**
 * The recorded queries that no index serves. `allowed` lists, by a predicate, the queries a
 * repository scans on purpose (each with its reason in the spec), e.g. a sweep bounded by
 * other means.
 */
export async function queriesWithoutIndex(
  connection: Connection,
  queries: RecordedQuery[],
  allowed: (query: RecordedQuery) => boolean = () => false,
): Promise<UnservedQuery[]> {
  const unserved: UnservedQuery[] = [];
  for (const query of queries) {
    if (allowed(query)) continue;
    const plan = await explainFilter(connection, query.collection, query.filter, { comment: query.comment });
    if (plan.fullScan || plan.indexes.length === 0) unserved.push({ ...query, plan });
  }
  return unserved;
}

/**
 * Runs `work` (calls of a repository's methods) with its queries recorded, and answers those that
 * no index serves: what a repository index test expects to be empty.
 */
export async function unindexedQueriesOf(
  connection: Connection,
  work: () => Promise<unknown>,
  allowed?: (query: RecordedQuery) => boolean,
): Promise<UnservedQuery[]> {
  const recorder = recordQueries(connection);
  try {
    await work();
  } finally {
    recorder.stop();
  }
  if (recorder.queries.length === 0) throw new Error('The work sent no query: nothing was checked.');
  return queriesWithoutIndex(connection, recorder.queries, allowed);
}

/**
 * How the database reads a page (the first 20 of `filter` in `page.sort` order), once it reads it
 * from an index in that order or `timeoutMs` passed. PostgreSQL chooses the walk in order only
 * with statistics of the table, which its autovacuum gathers within `autovacuum_naptime` (10 s in
 * the project's cluster) of a table growing; MongoDB answers at once.
 */
export async function planOfPage(
  connection: Connection,
  collection: string,
  filter: Record<string, unknown>,
  page: Omit<ExplainedPage, 'limit'>,
  timeoutMs = 40_000,
): Promise<QueryPlanSummary> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const plan = await explainFilter(connection, collection, filter, { ...page, limit: 20 });
    if (!plan.sortedAfterScan || Date.now() > deadline) return plan;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
