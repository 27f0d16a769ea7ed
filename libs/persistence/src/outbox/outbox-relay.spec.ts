import type { Model } from 'mongoose';
import type { EventPublisher } from '@arogyam/messaging';
import type { OutboxEntry } from './outbox-entry.schema';
import { OutboxRelay } from './outbox-relay';

interface Parked {
  _id: string;
  outbox: OutboxEntry[];
}

const entry = (id: string) =>
  ({
    id,
    type: 'test.happened',
    occurredAt: new Date().toISOString(),
    payload: {},
  }) as unknown as OutboxEntry;

/** A collection in memory with the three calls the relay makes, counting full reads. */
function parkedDocuments(documents: Parked[]) {
  const byId = new Map(documents.map((doc) => [doc._id, doc]));
  const query = <T>(value: T) => ({ lean: () => ({ exec: async () => value }), limit: () => query(value) });
  const reads = { full: 0, byId: 0 };
  const model = {
    collection: { name: 'parked' },
    find: () => {
      reads.full += 1;
      return query([...byId.values()].filter((doc) => doc.outbox.length > 0));
    },
    findById: (id: string) => {
      reads.byId += 1;
      return query(byId.get(id) ?? null);
    },
    updateOne: (filter: { _id: string }, update: { $pull: { outbox: OutboxEntry } }) => ({
      exec: async () => {
        const doc = byId.get(filter._id);
        if (doc) doc.outbox = doc.outbox.filter((parked) => parked !== update.$pull.outbox);
      },
    }),
  } as unknown as Model<Parked>;
  return { model, reads, byId };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('OutboxRelay', () => {
  it('retries what it failed to publish by id, without reading the whole collection again', async () => {
    const { model, reads, byId } = parkedDocuments([]);
    const published: string[] = [];
    let jetStreamUp = false;
    const publisher = {
      publish: async (event: { id: string }) => {
        if (!jetStreamUp) throw new Error('no JetStream');
        published.push(event.id);
      },
    } as unknown as EventPublisher;
    const relay = new OutboxRelay(model, publisher, { sweepIntervalMs: 60_000, retryIntervalMs: 20 });
    relay.start();
    await wait(10); // the start-up sweep ran over an empty collection
    expect(reads.full).toBe(1);

    byId.set('a', { _id: 'a', outbox: [entry('e1'), entry('e2')] });
    await relay.flush('a');
    expect(published).toEqual([]);

    jetStreamUp = true;
    await wait(80);
    relay.stop();
    expect(published).toEqual(['e1', 'e2']);
    expect(byId.get('a')?.outbox).toEqual([]);
    expect(reads.full).toBe(1);
    const readsAfterSuccess = reads.byId;
    await wait(60);
    expect(reads.byId).toBe(readsAfterSuccess); // nothing left to retry
  });

  it('sweeps at start for events another instance parked and never published', async () => {
    const { model, byId } = parkedDocuments([{ _id: 'b', outbox: [entry('e3')] }]);
    const published: string[] = [];
    const publisher = {
      publish: async (event: { id: string }) => void published.push(event.id),
    } as unknown as EventPublisher;
    const relay = new OutboxRelay(model, publisher, { sweepIntervalMs: 60_000, retryIntervalMs: 60_000 });
    relay.start();
    await wait(20);
    relay.stop();
    expect(published).toEqual(['e3']);
    expect(byId.get('b')?.outbox).toEqual([]);
  });

  it('lets a write of a document wait for the flush of it in flight (FerretDB updates are read-modify-write)', async () => {
    const { model } = parkedDocuments([{ _id: 'c', outbox: [entry('e4')] }]);
    const order: string[] = [];
    const publisher = {
      publish: async () => {
        await wait(30);
        order.push('published');
      },
    } as unknown as EventPublisher;
    const relay = new OutboxRelay(model, publisher, { sweepIntervalMs: 60_000, retryIntervalMs: 60_000 });
    const flushing = relay.flush('c');
    const writing = relay.inTurn('c', async () => void order.push('written'));
    await Promise.all([flushing, writing]);
    expect(order).toEqual(['published', 'written']);
  });
});
