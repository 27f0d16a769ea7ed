import { healthSubject } from '@arogyam/contracts';
import { connectNats, RpcClient, type NatsAccess } from '@arogyam/messaging';
import type { ServiceHealth } from './health-indicator';

/** The container probe of a service: exit 0 when some instance answers healthy over NATS. */
export async function runHealthcheck(
  service: string,
  // The service's own environment: its principal may ask its own health subject.
  nats: NatsAccess = {
    url: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
    user: process.env.NATS_USER,
    password: process.env.NATS_PASSWORD,
    caFile: process.env.NATS_CA_FILE,
  },
): Promise<never> {
  try {
    const nc = await connectNats(nats, `${service}-healthcheck`);
    const health = await new RpcClient(nc, 2000).send<ServiceHealth>(healthSubject(service), {});
    await nc.close();
    process.exit(health.status === 'up' ? 0 : 1);
  } catch (error) {
    process.stderr.write(`${service} is not healthy: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
