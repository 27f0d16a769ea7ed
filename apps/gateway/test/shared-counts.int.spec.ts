import type { NatsConnection } from 'nats';
import { randomUUID } from 'node:crypto';
import { connectAs, useInfra, type Infra } from '@arogyam/testing';
import { SharedCounts } from '../src/http/throttling/shared-counts';

const WINDOW_MS = 4_000;
const LIMIT = 5;

const untilIntoWindow = async (atMs: number): Promise<void> => {
  const into = Date.now() % WINDOW_MS;
  await new Promise((resolve) => setTimeout(resolve, (atMs - into + WINDOW_MS) % WINDOW_MS));
};

/** The gateway's request counts on a real NATS, as two replicas share them. */
describe('SharedCounts', () => {
  let infra: Infra;
  let connection: NatsConnection;

  beforeAll(async () => {
    infra = await useInfra();
    connection = await connectAs(infra, 'gateway');
  });

  afterAll(async () => {
    await connection?.drain();
    await infra?.stop();
  });

  it('holds a burst across a window’s end to the limit, counted by two replicas together', async () => {
    const replicas = [new SharedCounts(connection), new SharedCounts(connection)];
    const key = `burst:${randomUUID()}`;
    const count = async (n: number) => (await replicas[n % 2].countOne(key, WINDOW_MS, LIMIT))?.hits;

    // The whole limit in the last second of one window …
    await untilIntoWindow(WINDOW_MS - 1_000);
    const before: Array<number | undefined> = [];
    for (let n = 0; n < LIMIT; n++) before.push(await count(n));
    expect(before).toEqual([1, 2, 3, 4, 5]);

    // … and at once after it ends: the previous five still count (4 of them, as if spread evenly).
    await untilIntoWindow(50);
    const after: Array<number | undefined> = [];
    for (let n = 0; n < 3; n++) after.push(await count(n));
    expect(after).toEqual([5, 6, 7]);
  });
});
