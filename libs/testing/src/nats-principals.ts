import type { NatsConnection } from 'nats';
import { BUS_ADMIN_USER, connectNats, type BusPasswords, type NatsAccess } from '@arogyam/messaging';
import type { Infra } from './local-infra';

/** A principal of the generated NATS config (bus-principals.ts), or the full-rights admin. */
export type NatsUser = keyof BusPasswords;

/** The principal of an app as tests name it: `user-service` → `user`, `gateway` → `gateway`. */
export const natsUserOfApp = (app: string): NatsUser => app.replace(/-service$/, '') as NatsUser;

/** How `user` reaches this infra's NATS (the URL alone when the NATS is unauthenticated). */
export function natsAccessOf(infra: Pick<Infra, 'natsUrl' | 'natsPasswords'>, user: NatsUser): NatsAccess {
  const password = infra.natsPasswords?.[user];
  if (infra.natsPasswords && password === undefined) {
    throw new Error(
      `${user} is no principal of the generated NATS config (libs/messaging bus-principals.ts)`,
    );
  }
  return password === undefined ? { url: infra.natsUrl } : { url: infra.natsUrl, user, password };
}

/** The environment of an app process connecting as `user`. */
export function natsEnv(
  infra: Pick<Infra, 'natsUrl' | 'natsPasswords'>,
  user: NatsUser,
): Record<string, string> {
  const access = natsAccessOf(infra, user);
  return {
    NATS_URL: access.url,
    ...(access.user && access.password ? { NATS_USER: access.user, NATS_PASSWORD: access.password } : {}),
  };
}

/**
 * A test's own connection. Stand-ins for other services, published test events and stream
 * inspection take the admin user (full rights, set-up only); a test of permissions connects as
 * the principal it checks.
 */
export const connectAs = (
  infra: Pick<Infra, 'natsUrl' | 'natsPasswords'>,
  user: NatsUser = BUS_ADMIN_USER,
  name = `test-${user}`,
): Promise<NatsConnection> => connectNats(natsAccessOf(infra, user), name);
