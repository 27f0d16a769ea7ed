import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { MongoClient } from 'mongodb';
import { findFerretDb } from './binaries';
import { ferretDbBackend, startLocalInfra } from './local-infra';
import type { Infra } from './local-infra';

/**
 * The embedded database's own logs (FerretDB's and PostgreSQL's, in `.data/logs` under `npm
 * start`) keep a refused write's statement and error, never the values it carried: a duplicate
 * registration's email, a document's phone number or clinical text (tools/ferretdb patch 14,
 * `log_error_verbosity=terse` in postgres.ts).
 */
const onFerretDbAndPostgres = basename(findFerretDb()) === 'ferretdb' && ferretDbBackend() === 'postgresql';
const describeOnPostgres = onFerretDbAndPostgres ? describe : describe.skip;

describeOnPostgres('the embedded database’s logs', () => {
  const logDir = mkdtempSync(join(tmpdir(), 'arogyam-infra-logs-'));
  const EMAIL = `zenobia.${Date.now()}@logs.test`;
  const PHONE = '+91 98450 12345';
  const NOTE = 'Suspected appendicitis, refer to surgery';
  const CLAIM = 'zq@x.in';
  let infra: Infra;

  beforeAll(async () => {
    infra = await startLocalInfra({ logDir });
    const client = await MongoClient.connect(infra.mongoUrl);
    try {
      const people = client
        .db('logs_test')
        .collection<{ _id: string; email: string; phone: string }>('people');
      await people.createIndex({ email: 1 }, { unique: true });
      await people.insertOne({ _id: 'p1', email: EMAIL, phone: PHONE });
      await people.insertOne({ _id: 'p2', email: `other.${EMAIL}`, phone: PHONE });
      // Refused by the unique index: an insert, and an update (FerretDB's PostgreSQL path differs).
      await expect(people.insertOne({ _id: 'p3', email: EMAIL, phone: PHONE })).rejects.toThrow(/E11000/);
      await expect(people.updateOne({ _id: 'p2' }, { $set: { email: EMAIL } })).rejects.toThrow(/E11000/);
      // A short document keyed by the value itself (a claim of an address, say): stock FerretDB
      // logged the first 64 characters of a refused document, so this value would be whole there.
      const claims = client.db('logs_test').collection<{ _id: string }>('claims');
      await claims.insertOne({ _id: CLAIM });
      await expect(claims.insertOne({ _id: CLAIM })).rejects.toThrow(/E11000/);
      const notes = client.db('logs_test').collection<{ _id: string; text: string }>('notes');
      await notes.insertOne({ _id: 'n1', text: NOTE });
      await expect(notes.insertOne({ _id: 'n1', text: NOTE })).rejects.toThrow(/E11000/);
    } finally {
      await client.close();
    }
    // Stopped, so everything the servers wrote is in the files.
    await infra.stop();
  }, 90000);

  afterAll(() => rmSync(logDir, { recursive: true, force: true }));

  const logs = (): Record<string, string> =>
    Object.fromEntries(readdirSync(logDir).map((file) => [file, readFileSync(join(logDir, file), 'utf8')]));

  it('record the refused writes', () => {
    expect(logs()['postgres.log']).toContain('duplicate key value violates unique constraint');
    expect(logs()['mongo.log']).toContain('duplicate key value violates unique constraint');
  });

  it('hold none of the values those writes carried', () => {
    const found = Object.entries(logs()).flatMap(([file, text]) =>
      [EMAIL, PHONE, NOTE, CLAIM].filter((value) => text.includes(value)).map((value) => `${file}: ${value}`),
    );
    expect(found).toEqual([]);
  });
});
