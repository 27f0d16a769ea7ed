import { Long } from 'mongodb';
import { createConnection, Schema, type Connection, type Collection } from 'mongoose';
import { countMatching, findPage, ORDERED_PUSHDOWN, orderedPushdownFor } from './find-page';
import { pageWindow } from './pagination';
import {
  explainFilter,
  recordQueries,
  queriesWithoutIndex,
  uniqueDbName,
  useInfra,
  planOfPage,
  type Infra,
} from '@arogyam/testing';

/**
 * What the services rely on from the Mongo-wire server, checked against the one this run uses
 * (FerretDB on PostgreSQL with the project's patches, or MongoDB when MONGO_URL says so):
 * single-document updates are atomic, a unique index refuses an update with E11000, and declared
 * indexes serve equality filters (tools/ferretdb/README.md).
 */
describe('the database the services run on', () => {
  let infra: Infra;
  let connection: Connection;
  let docs: Collection;

  beforeAll(async () => {
    infra = await useInfra();
    connection = await createConnection(infra.mongoUrl, {
      dbName: uniqueDbName('semantics'),
      retryWrites: false,
      maxPoolSize: 50,
    }).asPromise();
    docs = connection.collection('docs');
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
    await infra.stop();
  });

  it('gives back every stored value exactly as written (strings with escapes, numbers, dates, nesting)', async () => {
    const stored = {
      _id: 'round-trip',
      plain: 'Asha Rao',
      escaped: 'a "quoted" word, a back\\slash, a line\nbreak, a tab\t and a control \u0001',
      scripts: 'हिन्दी தமிழ் 🙂 é',
      empty: '',
      integer: 42,
      fraction: 4.5,
      large: 1e300,
      small: -0.000123,
      int32: -7,
      long: Long.fromString('9007199254740993'),
      yes: true,
      no: false,
      nothing: null,
      at: new Date('2026-12-05T10:00:00.123Z'),
      list: [1, 'two', { three: 3, four: [4, 'four'] }, {}], // FerretDB 1.24 refuses arrays in arrays
      nested: {
        'key with space': 1,
        ключ: 'значение',
        deeper: { deepest: [true, null] },
        none: [],
        blank: {},
      },
    };
    await docs.insertOne(stored as never);
    const read = await connection
      .db!.collection('docs')
      .findOne({ _id: 'round-trip' as never }, { promoteLongs: false });
    expect(read).toEqual(stored);
  });

  it('applies 100 concurrent updates of one document without losing one', async () => {
    await docs.insertOne({ _id: 'counter' as never, n: 0, seen: [] });
    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        docs.updateOne({ _id: 'counter' as never }, { $inc: { n: 1 }, $push: { seen: i } }),
      ),
    );
    const counter = await docs.findOne({ _id: 'counter' as never });
    expect(counter?.n).toBe(100);
    expect(counter?.seen).toHaveLength(100);
  });

  it('lets exactly one of concurrent updates filtered on the same version win', async () => {
    await docs.insertOne({ _id: 'versioned' as never, version: 1 });
    for (let round = 1; round <= 10; round += 1) {
      const results = await Promise.all(
        Array.from({ length: 8 }, () =>
          docs.updateOne({ _id: 'versioned' as never, version: round }, { $inc: { version: 1 } }),
        ),
      );
      expect(results.filter((result) => result.modifiedCount === 1)).toHaveLength(1);
    }
    expect((await docs.findOne({ _id: 'versioned' as never }))?.version).toBe(11);
  });

  it('never both updates and deletes a document that a concurrent update made stop matching', async () => {
    await docs.insertMany(
      Array.from({ length: 40 }, (_, i) => ({ _id: `race-${i}` as never, race: true, state: 'open' })),
    );
    const [updated, deleted] = await Promise.all([
      docs.updateMany({ race: true, state: 'open' }, { $set: { state: 'closed' } }),
      docs.deleteMany({ race: true, state: 'open' }),
    ]);
    const left = await docs.countDocuments({ race: true });
    expect(updated.modifiedCount + deleted.deletedCount).toBe(40);
    expect(left).toBe(updated.modifiedCount);
  });

  it('matches array positions and whole arrays in the filter of an update, as in a find', async () => {
    const entries = [{ id: 'e1' }, { id: 'e2' }];
    await docs.insertOne({ _id: 'positions' as never, entries });
    const filter = {
      _id: 'positions',
      entries: { $size: 2 },
      'entries.0.id': 'e1',
      'entries.1.id': 'e2',
    } as never;
    expect(await docs.countDocuments(filter)).toBe(1);
    expect((await docs.updateOne(filter, { $set: { entries: [] } })).modifiedCount).toBe(1);
  });

  it('refuses an update that breaks a unique index with E11000, as an insert', async () => {
    const keyed = connection.collection('keyed');
    await keyed.createIndex({ key: 1 }, { unique: true });
    await keyed.insertMany([
      { _id: 'a' as never, key: 'one' },
      { _id: 'b' as never, key: 'two' },
    ]);
    await expect(keyed.insertOne({ _id: 'c' as never, key: 'one' })).rejects.toMatchObject({ code: 11000 });
    await expect(keyed.updateOne({ _id: 'b' as never }, { $set: { key: 'one' } })).rejects.toMatchObject({
      code: 11000,
    });
    await expect(
      keyed.findOneAndUpdate({ _id: 'b' as never }, { $set: { key: 'one' } }),
    ).rejects.toMatchObject({ code: 11000 });
  });

  it('serves _id, declared fields and $in from indexes, and reports a full scan where no index serves', async () => {
    const indexed = connection.collection('indexed');
    await indexed.createIndex({ owner: 1, at: -1 });
    await indexed.insertMany(
      Array.from({ length: 200 }, (_, i) => ({
        _id: `doc-${i}` as never,
        owner: `owner-${i % 20}`,
        at: new Date(i),
        note: `n${i}`,
      })),
    );

    const byId = await explainFilter(connection, 'indexed', { _id: 'doc-7' });
    expect(byId).toMatchObject({ fullScan: false });
    expect(byId.indexes.length).toBeGreaterThan(0);
    expect(await explainFilter(connection, 'indexed', { owner: 'owner-3' })).toMatchObject({
      fullScan: false,
    });
    expect(
      await explainFilter(connection, 'indexed', { owner: { $in: ['owner-3', 'owner-4'] } }),
    ).toMatchObject({
      fullScan: false,
    });
    expect(await explainFilter(connection, 'indexed', { _id: { $in: ['doc-1', 'doc-2'] } })).toMatchObject({
      fullScan: false,
    });
    expect(await indexed.countDocuments({ owner: { $in: ['owner-3', 'owner-4'] } })).toBe(20);
    expect(await explainFilter(connection, 'indexed', { note: 'n3' })).toMatchObject({ fullScan: true });

    const recorder = recordQueries(connection);
    const model = connection.model('Indexed', new Schema({ owner: String, note: String }), 'indexed');
    await model.find({ owner: 'owner-1' }).exec();
    await model.countDocuments({ note: 'n1' }).exec();
    recorder.stop();
    const unserved = await queriesWithoutIndex(connection, recorder.queries);
    expect(unserved.map((query) => query.filter)).toEqual([{ note: 'n1' }]);
  });

  it('answers an ordered-pushdown page by walking an index in order, and still matches array elements', async () => {
    // A compound index of equality then order, as the services declare for their pages.
    const schema = new Schema({ _id: String, clinic: String, tags: [String], rating: Number });
    schema.index({ clinic: 1, rating: -1, _id: 1 });
    schema.index({ clinic: 1, tags: 1, rating: -1, _id: 1 });
    const model = connection.model('Ranked', schema, 'ranked');
    await model.init();
    await model.insertMany(
      Array.from({ length: 300 }, (_, i) => ({
        _id: `r-${String(i).padStart(3, '0')}`,
        clinic: `clinic-${i % 3}`,
        tags: i % 2 === 0 ? ['even', `t${i % 5}`] : [`t${i % 5}`],
        rating: i % 7,
      })),
    );
    const order = { rating: -1 as const, _id: 1 as const };
    const expected = (filter: (i: number) => boolean): string[] =>
      Array.from({ length: 300 }, (_, i) => i)
        .filter(filter)
        .sort((a, b) => b % 7 - a % 7 || a - b)
        .map((i) => `r-${String(i).padStart(3, '0')}`);

    // Scalars: exact pages and count, read from the btree in order (FerretDB: `=`, patch 12).
    const byClinic = await findPage(model, { clinic: 'clinic-1' }, order, pageWindow({ page: 2, limit: 20 }));
    expect(byClinic.documents.map((doc) => doc._id)).toEqual(expected((i) => i % 3 === 1).slice(20, 40));
    expect(byClinic.total).toBe(100);
    expect(orderedPushdownFor(model, { clinic: 'clinic-1' })).toBe(ORDERED_PUSHDOWN);
    // Read from the index `{clinic, rating: -1, _id}` in order, the page's end ending the scan.
    const plan = await planOfPage(connection, 'ranked', { clinic: 'clinic-1' }, {
      sort: order,
      comment: orderedPushdownFor(model, { clinic: 'clinic-1' }),
    });
    expect(plan).toMatchObject({ fullScan: false, sortedAfterScan: false });

    // An array field the schema declares is named in the comment and matches its elements.
    const tagged = { clinic: 'clinic-2', tags: 'even' };
    expect(orderedPushdownFor(model, tagged)).toBe(`${ORDERED_PUSHDOWN} arrays:tags`);
    const byTag = await findPage(model, tagged, order, pageWindow({ limit: 100 }));
    expect(byTag.documents.map((doc) => doc._id)).toEqual(expected((i) => i % 3 === 2 && i % 2 === 0));
    expect(byTag.total).toBe(50);
    expect(await countMatching(model, { tags: { $in: ['t1', 't2'] } }, 30)).toBe(30);
  });
});
