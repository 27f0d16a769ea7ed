import { healthSubject } from '@arogyam/contracts';
import { connectNats, RpcClient } from '@arogyam/messaging';
import type { ServiceHealth } from './health-indicator';

/** The container probe of a service: exit 0 when some instance answers healthy over NATS. */
export async function runHealthcheck(
  service: string,
  natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
): Promise<never> {
  try {
    const nc = await connectNats(natsUrl, `${service}-healthcheck`);
    const health = await new RpcClient(nc, 2000).send<ServiceHealth>(healthSubject(service), {});
    await nc.close();
    process.exit(health.status === 'up' ? 0 : 1);
  } catch (error) {
    process.stderr.write(`${service} is not healthy: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
