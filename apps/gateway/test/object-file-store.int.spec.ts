import { randomUUID } from 'node:crypto';
import type { NatsConnection, ObjectStore } from 'nats';
import { RpcCallError } from '@arogyam/messaging';
import { connectAs, startLocalNats, type LocalServer } from '@arogyam/testing';
import { ObjectFileStore } from '../src/files/object-file-store';

/**
 * An upload is stored, then recorded by its service: which files stay when recording fails, on a
 * real JetStream object store. A file the service may have recorded is never discarded.
 */
describe('ObjectFileStore.putThenRecord', () => {
  const BUCKET = 'test-uploads';
  const bytes = new TextEncoder().encode('%PDF-1.7\n% a lab report\n');
  let server: LocalServer;
  let nc: NatsConnection;
  let files: ObjectFileStore;
  let bucket: ObjectStore;

  beforeAll(async () => {
    server = await startLocalNats();
    nc = await connectAs({ natsUrl: server.url, natsPasswords: server.passwords });
    files = new ObjectFileStore(nc, BUCKET);
    bucket = await nc.jetstream().views.os(BUCKET);
  });

  afterAll(async () => {
    await nc?.close();
    await server?.stop();
  });

  const stored = async (name: string): Promise<boolean> => {
    const info = await bucket.info(name);
    return Boolean(info && !info.deleted);
  };

  it('keeps a file its service recorded', async () => {
    const name = `records/${randomUUID()}`;
    await expect(files.putThenRecord(name, bytes, async () => 'recorded')).resolves.toBe('recorded');
    expect(await stored(name)).toBe(true);
  });

  it.each([
    { after: 'a refusal (422)', statusCode: 422, kept: false },
    { after: 'no service to ask (503)', statusCode: 503, kept: false },
    { after: 'a timeout (504), when the record may exist', statusCode: 504, kept: true },
    { after: 'a failure in the service (500)', statusCode: 500, kept: true },
  ])('after $after, the file is kept: $kept', async ({ statusCode, kept }) => {
    const name = `records/${randomUUID()}`;
    const failure = RpcCallError.of(statusCode, 'not recorded here');
    await expect(files.putThenRecord(name, bytes, () => Promise.reject(failure))).rejects.toBe(failure);
    expect(await stored(name)).toBe(kept);
  });
});
