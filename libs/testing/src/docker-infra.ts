import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { generateBusPasswords, natsServerConfig } from '@arogyam/messaging';
import type { Infra } from './local-infra';

const run = promisify(execFile);

/** True when a Docker engine answers (not just the CLI). */
export async function dockerEngineAnswers(): Promise<boolean> {
  try {
    await run('docker', ['info', '--format', '{{.ServerVersion}}'], { timeout: 3000 });
    return true;
  } catch {
    return false;
  }
}

/** mongo:7 and nats:2.10 through testcontainers, where a Docker engine exists. */
export async function startDockerInfra(): Promise<Infra> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const natsPasswords = generateBusPasswords();
  const natsConfig = '/etc/nats/arogyam.conf';
  const [mongo, nats] = await Promise.all([
    new GenericContainer('mongo:7')
      .withExposedPorts(27017)
      .withWaitStrategy(Wait.forListeningPorts())
      .start(),
    new GenericContainer('nats:2.10')
      .withCopyContentToContainer([
        { content: natsServerConfig({ passwords: natsPasswords }), target: natsConfig },
      ])
      .withCommand(['-c', natsConfig, '-js'])
      .withExposedPorts(4222)
      .start(),
  ]);
  return {
    mongoUrl: `mongodb://${mongo.getHost()}:${mongo.getMappedPort(27017)}`,
    natsUrl: `nats://${nats.getHost()}:${nats.getMappedPort(4222)}`,
    natsPasswords,
    source: 'docker',
    async stop() {
      await Promise.all([mongo.stop(), nats.stop()]);
    },
  };
}
