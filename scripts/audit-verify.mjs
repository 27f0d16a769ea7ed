#!/usr/bin/env node
// `npm run audit:verify`: asks audit-service (over NATS, NATS_URL) to walk every chain of the
// audit trail, prints each chain's length and first broken link, and exits 1 if any is broken
// (2 if audit-service could not be asked). The check runs where the entries are; nothing is copied.
// On a NATS with users (the generated config), as an operator: NATS_USER / NATS_PASSWORD of the
// `admin` user (deploy/nats/generated/admin.env), NATS_CA_FILE for a tls:// NATS.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { connect, JSONCodec } from 'nats';

const subject = 'audit.trail.verify';
const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const codec = JSONCodec();

let connection;
try {
  const { NATS_USER: user, NATS_PASSWORD: pass, NATS_CA_FILE: caFile } = process.env;
  connection = await connect({
    servers: natsUrl.split(','),
    name: 'audit-verify',
    ...(user && pass ? { user, pass } : {}),
    ...(caFile ? { tls: { ca: readFileSync(caFile, 'utf8') } } : {}),
  });
  // The packet format of @nestjs/microservices' NATS transport.
  const reply = await connection.request(
    subject,
    codec.encode({ pattern: subject, data: {}, id: randomUUID() }),
    {
      timeout: Number(process.env.AUDIT_VERIFY_TIMEOUT_MS ?? 120_000),
    },
  );
  const answer = codec.decode(reply.data);
  if (answer.err) throw new Error(answer.err.message ?? JSON.stringify(answer.err));
  const { ok, chains } = answer.response;
  for (const chain of chains) {
    const state =
      chain.brokenAt === undefined
        ? `intact, head ${chain.headHash ?? '(empty)'}`
        : `BROKEN at position ${chain.brokenAt}: ${chain.problem}`;
    console.log(`${chain.chain}: ${chain.entries} entries, ${state}`);
  }
  console.log(ok ? 'audit trail verified' : 'audit trail is broken');
  process.exitCode = ok ? 0 : 1;
} catch (error) {
  console.error(`audit:verify could not ask audit-service at ${natsUrl}: ${error.message}`);
  process.exitCode = 2;
} finally {
  await connection?.close();
}
