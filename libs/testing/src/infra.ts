import { randomBytes } from 'node:crypto';
import { dockerEngineAnswers, startDockerInfra } from './docker-infra';
import { startLocalInfra, startLocalNats, type Infra } from './local-infra';
import { TEST_POSTGRES_SETTINGS } from './postgres';

/**
 * The Mongo-wire server and NATS for one test file.
 *
 * Mongo: MONGO_URL when set (the Jest global setup starts one server per run), each file using
 * its own database names. NATS: a private server per file, because queue groups and durable
 * consumers are shared by name: two files' copies of a service on one NATS would answer each
 * other's requests against the wrong databases. AROGYAM_SHARED_NATS=1 uses NATS_URL instead
 * (then run Jest with --runInBand). Without local binaries: testcontainers, when Docker answers.
 */
export async function useInfra(): Promise<Infra> {
  if (process.env.AROGYAM_SHARED_NATS === '1' && process.env.MONGO_URL && process.env.NATS_URL) {
    return {
      mongoUrl: process.env.MONGO_URL,
      natsUrl: process.env.NATS_URL,
      source: 'env',
      stop: async () => undefined,
    };
  }
  if (process.env.MONGO_URL) {
    try {
      const nats = await startLocalNats();
      return {
        mongoUrl: process.env.MONGO_URL,
        natsUrl: nats.url,
        natsPasswords: nats.passwords,
        source: 'env',
        stop: () => nats.stop(),
      };
    } catch (error) {
      if (!(await dockerEngineAnswers())) throw error;
    }
  }
  if (process.env.AROGYAM_TEST_DOCKER !== '0' && (await dockerEngineAnswers())) return startDockerInfra();
  return startLocalInfra({ postgresSettings: TEST_POSTGRES_SETTINGS });
}

/** A database name no other test file uses, so files never see each other's data. */
export const uniqueDbName = (prefix: string): string => `t_${prefix}_${randomBytes(5).toString('hex')}`;
