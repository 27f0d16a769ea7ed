#!/usr/bin/env node
// `npm run analytics:rebuild`: asks analytics-service (over NATS, NATS_URL) to empty its read model
// and replay its own event log into it, and prints how many events it replayed (exit 2 if
// analytics-service could not be asked). The same as an admin's POST /api/admin/analytics/rebuild.
// As an operator: see lib/ask-service.mjs for NATS_USER / NATS_PASSWORD / NATS_CA_FILE.
import { askService, natsUrl } from './lib/ask-service.mjs';

try {
  const { replayed, tookMs } = await askService('analytics.read_model.rebuild', {
    name: 'analytics-rebuild',
    timeoutMs: Number(process.env.ANALYTICS_REBUILD_TIMEOUT_MS ?? 600_000),
  });
  console.log(`analytics read model rebuilt: ${replayed} events replayed in ${tookMs} ms`);
} catch (error) {
  console.error(`analytics:rebuild could not ask analytics-service at ${natsUrl}: ${error.message}`);
  process.exitCode = 2;
}
