import { dockerEngineAnswers, startDockerInfra } from './docker-infra';
import { startLocalInfra, type Infra } from './local-infra';
import { TEST_POSTGRES_SETTINGS } from './postgres';

declare global {
  var __AROGYAM_INFRA__: Infra | undefined;
}

/**
 * Jest global setup: one Mongo-wire server for the whole run (each test file uses its own
 * database names; NATS is private per file, see useInfra). Respects MONGO_URL when given.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.MONGO_URL) return;
  const infra =
    process.env.AROGYAM_TEST_DOCKER !== '0' && (await dockerEngineAnswers())
      ? await startDockerInfra()
      : await startLocalInfra({ postgresSettings: TEST_POSTGRES_SETTINGS });
  globalThis.__AROGYAM_INFRA__ = infra;
  process.env.MONGO_URL = infra.mongoUrl;
}
