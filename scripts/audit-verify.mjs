#!/usr/bin/env node
// `npm run audit:verify`: asks audit-service (over NATS, NATS_URL) to walk every chain of the
// audit trail, prints each chain's length and first broken link, and exits 1 if any is broken
// (2 if audit-service could not be asked). The check runs where the entries are; nothing is copied.
// As an operator: see lib/ask-service.mjs for NATS_USER / NATS_PASSWORD / NATS_CA_FILE.
import { askService, natsUrl } from './lib/ask-service.mjs';

try {
  const { ok, chains } = await askService('audit.trail.verify', {
    name: 'audit-verify',
    timeoutMs: Number(process.env.AUDIT_VERIFY_TIMEOUT_MS ?? 120_000),
  });
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
}
