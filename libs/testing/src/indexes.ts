import type { Connection } from 'mongoose';
import { waitFor } from './ports';

type IndexList = Awaited<ReturnType<ReturnType<Connection['collection']>['indexes']>>;

/**
 * A collection's indexes once there are at least `count`: mongoose builds a service's declared
 * indexes in the background after it connects, so a test reading them at once may see too few.
 */
export async function indexesOnceBuilt(
  db: Connection,
  collection: string,
  count: number,
  timeoutMs = 10000,
): Promise<IndexList> {
  let built: IndexList = [];
  await waitFor(
    async () => (built = await db.collection(collection).indexes()).length >= count,
    timeoutMs,
    `${count} indexes on ${collection}`,
  );
  return built;
}

/**
 * The indexes MongoDB 7 has and FerretDB lacks, which no service may declare: TTL
 * (`expireAfterSeconds`) and text, geo or hashed ones (a key whose kind is a string).
 */
export const indexesFerretDbLacks = (indexes: IndexList): IndexList =>
  indexes.filter(
    (index) =>
      'expireAfterSeconds' in index || Object.values(index.key).some((kind) => typeof kind === 'string'),
  );
