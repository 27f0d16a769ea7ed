import { createConnection, type Connection } from 'mongoose';
import type { EventEnvelope } from '@arogyam/contracts';
import type { EventPublisher } from '@arogyam/messaging';
import { RecordingPublisher, uniqueDbName, useInfra, waitFor, type Infra } from '@arogyam/testing';
import { AuditOutbox, AuditOutboxSchema } from './audit-outbox.schema';
import { AuditOutboxRelay } from './audit-outbox.relay';

/** The relay's retry interval here: short, so a retry is seen soon. */
const RETRY_MS = 30;

const accessed = (id: string): EventEnvelope => ({
  id,
  type: 'audit.record_accessed',
  version: 1,
  occurredAt: new Date().toISOString(),
  payload: { id },
});

describe('AuditOutboxRelay on the real database', () => {
  let infra: Infra;
  let connection: Connection;

  beforeAll(async () => {
    infra = await useInfra();
    connection = await createConnection(infra.mongoUrl, {
      dbName: uniqueDbName('audit_outbox'),
      retryWrites: false,
    }).asPromise();
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
    await infra.stop();
  });

  it('retries what JetStream refused, one pass at a time, and deletes it once published', async () => {
    const parked = connection.model<AuditOutbox>(AuditOutbox.name, AuditOutboxSchema);
    const publisher = new RecordingPublisher();
    const relay = new AuditOutboxRelay(parked, publisher as unknown as EventPublisher, {
      sweepIntervalMs: 60_000,
      retryIntervalMs: RETRY_MS,
    });
    const events = [accessed('e1')];
    const id = await relay.park(events);
    publisher.up = false;
    relay.onModuleInit();
    // The start's sweep is refused, and so is the publish right after the request: only the retry
    // can publish e1.
    await relay.sweep();
    await relay.publish(id, events);
    expect(await parked.countDocuments({ _id: id })).toBe(1);

    // A publish that outlasts ten retry intervals: the timer's later passes wait for it.
    const slow = publisher.hold('e1');
    publisher.up = true;
    await slow.reached;
    await new Promise((resolve) => setTimeout(resolve, 10 * RETRY_MS));
    slow.release();
    await waitFor(async () => (await parked.countDocuments({ _id: id })) === 0, 5000, 'the retried publish');
    await new Promise((resolve) => setTimeout(resolve, 3 * RETRY_MS));
    relay.onModuleDestroy();
    expect(publisher.published).toEqual(['e1']);
  });
});
