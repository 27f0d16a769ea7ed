import { createConnection, Schema, type Connection, type Model } from 'mongoose';
import type { EventPublisher } from '@arogyam/messaging';
import {
  queriesWithoutIndex,
  recordQueries,
  RecordingPublisher,
  uniqueDbName,
  useInfra,
  waitFor,
  type Infra,
} from '@arogyam/testing';
import { OutboxEntrySchema, type OutboxEntry } from './outbox-entry.schema';
import { OutboxRelay } from './outbox-relay';
import { outboxPlugin } from './outbox.plugin';

interface Parked {
  _id: string;
  note?: string;
  outbox: OutboxEntry[];
  outboxPending?: boolean;
}

const entry = (id: string): OutboxEntry => ({
  id,
  type: 'test.happened',
  version: 1,
  occurredAt: new Date().toISOString(),
  payload: { id },
});

/** The relay's retry interval here: short, so a retry is seen soon. */
const RETRY_MS = 30;

describe('OutboxRelay on the real database', () => {
  let infra: Infra;
  let connection: Connection;
  let parked: Model<Parked>;
  let publisher: RecordingPublisher;
  let relay: OutboxRelay<Parked>;

  beforeAll(async () => {
    infra = await useInfra();
    connection = await createConnection(infra.mongoUrl, {
      dbName: uniqueDbName('outbox'),
      retryWrites: false,
    }).asPromise();
    const schema = new Schema<Parked>({
      _id: String,
      note: String,
      outbox: { type: [OutboxEntrySchema], default: [] },
    });
    schema.plugin(outboxPlugin);
    parked = connection.model<Parked>('Parked', schema, 'parked');
    await parked.init();
  });

  beforeEach(() => {
    publisher = new RecordingPublisher();
    relay = new OutboxRelay(parked, publisher as unknown as EventPublisher, {
      sweepIntervalMs: 60_000,
      retryIntervalMs: RETRY_MS,
    });
  });

  afterEach(() => relay.stop());

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
    await infra.stop();
  });

  const stored = (id: string) => parked.findById(id).lean<Parked>().exec();

  it('marks a document when a write parks events in it, and clears outbox and mark once they are published', async () => {
    await parked.create({ _id: 'a', outbox: [entry('a1'), entry('a2')] });
    expect(await stored('a')).toMatchObject({ outboxPending: true });

    await relay.flush('a');
    expect(publisher.published).toEqual(['a1', 'a2']);
    const after = await stored('a');
    expect(after?.outbox).toEqual([]);
    expect(after?.outboxPending).toBeUndefined();

    await parked
      .updateOne({ _id: 'a' }, { $set: { note: 'changed' }, $push: { outbox: { $each: [entry('a3')] } } })
      .exec();
    expect(await stored('a')).toMatchObject({ outboxPending: true, note: 'changed' });
    await relay.flush('a');
    expect(publisher.published).toEqual(['a1', 'a2', 'a3']);
    expect(await stored('a')).not.toHaveProperty('outboxPending');
  });

  it('retries by id what it could not publish, once JetStream is back, one pass at a time', async () => {
    await parked.create({ _id: 'b', outbox: [entry('b1')] });
    publisher.up = false;
    relay.start();
    // The start's sweep is refused too before JetStream is back, so only the retry can publish b1.
    // (A sweep beside a retry of the same document may publish an event twice: harmless by design,
    // the event id being the Nats-Msg-Id, but not what this test is about.)
    await relay.sweep();
    await relay.flush('b');
    expect(await stored('b')).toMatchObject({ outboxPending: true });

    // A publish that outlasts ten retry intervals (a loaded machine): the timer's later passes wait
    // for it instead of publishing b1 again beside it.
    const slow = publisher.hold('b1');
    publisher.up = true;
    await slow.reached;
    await new Promise((resolve) => setTimeout(resolve, 10 * RETRY_MS));
    slow.release();
    await waitFor(async () => (await stored('b'))?.outboxPending === undefined, 5000, 'the retried flush');
    await new Promise((resolve) => setTimeout(resolve, 3 * RETRY_MS));
    expect(publisher.published).toEqual(['b1']);
  });

  it('keeps an event parked while a flush of the same document is publishing', async () => {
    await parked.create({ _id: 'c', outbox: [entry('c1')] });
    const held = publisher.hold('c1');
    const flushing = relay.flush('c');
    await held.reached;
    await parked.updateOne({ _id: 'c' }, { $push: { outbox: { $each: [entry('c2')] } } }).exec();
    held.release();
    await flushing;

    const between = await stored('c');
    expect(between?.outbox.map((parkedEntry) => parkedEntry.id)).toEqual(['c2']);
    expect(between?.outboxPending).toBe(true);
    await relay.flush('c');
    expect(publisher.published).toEqual(['c1', 'c2']);
  });

  it("sweeps up another instance's unpublished events, finding them through an index", async () => {
    await parked.create([{ _id: 'quiet-1' }, { _id: 'quiet-2' }, { _id: 'd', outbox: [entry('d1')] }]);
    const recorder = recordQueries(connection);
    await relay.sweep();
    recorder.stop();

    expect(publisher.published).toContain('d1');
    expect(await stored('d')).not.toHaveProperty('outboxPending');
    expect(await queriesWithoutIndex(connection, recorder.queries)).toEqual([]);
  });
});
