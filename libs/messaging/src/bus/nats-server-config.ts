import { randomBytes } from 'node:crypto';
import { busPermissions } from './bus-permissions';
import { BUS_PRINCIPALS, type BusPrincipalName } from './bus-principals';

/** The full-rights user: admin scripts and test set-up only, never a service (docs/architecture.md). */
export const BUS_ADMIN_USER = 'admin';

export type BusPasswords = Record<BusPrincipalName | typeof BUS_ADMIN_USER, string>;

export const busUserNames = (): Array<BusPrincipalName | typeof BUS_ADMIN_USER> => [
  ...(Object.keys(BUS_PRINCIPALS) as BusPrincipalName[]),
  BUS_ADMIN_USER,
];

/** A fresh random password for every principal (and the admin user). */
export function generateBusPasswords(): BusPasswords {
  return Object.fromEntries(
    busUserNames().map((name) => [name, randomBytes(24).toString('base64url')]),
  ) as BusPasswords;
}

export interface NatsServerConfigOptions {
  passwords: BusPasswords;
  /** JetStream's store folder; left to the command line (`-sd`) when not given. */
  storeDir?: string;
  /** TLS for clients: the server's certificate and key, and the CA clients trust (production). */
  tls?: { certFile: string; keyFile: string; caFile: string };
  /** `listen` address, e.g. `0.0.0.0:4222`; left to the command line when not given. */
  listen?: string;
  /** The HTTP monitoring port (8222 in deploy/). */
  httpPort?: number;
}

/**
 * A nats-server config (its syntax takes JSON) giving every principal of BUS_PRINCIPALS its own
 * user with exactly its declared permissions. The users are the server's (its global account),
 * where a NATS without users kept its JetStream data, so streams and buckets stay where they were.
 * There is no anonymous user, so a client without credentials is refused. Generated on every run by `npm start`, the
 * test harness and the benchmarks, and for deployments by `npm run nats:config`.
 */
export function natsServerConfig(options: NatsServerConfigOptions): string {
  const services = new Set<string>(Object.keys(BUS_PRINCIPALS).filter((name) => name !== 'gateway'));
  const users = [
    ...Object.entries(BUS_PRINCIPALS).map(([name, declared]) => {
      const { publish, subscribe } = busPermissions(name, declared, services.has(name));
      return {
        user: name,
        password: options.passwords[name as BusPrincipalName],
        permissions: {
          publish: { allow: publish },
          subscribe: { allow: subscribe },
          // Answers to requests it received, once each, whatever their inbox.
          allow_responses: true,
        },
      };
    }),
    { user: BUS_ADMIN_USER, password: options.passwords[BUS_ADMIN_USER] },
  ];
  const config: Record<string, unknown> = {
    ...(options.listen ? { listen: options.listen } : {}),
    ...(options.httpPort ? { http_port: options.httpPort } : {}),
    ...(options.storeDir ? { jetstream: { store_dir: options.storeDir } } : {}),
    ...(options.tls
      ? {
          tls: {
            cert_file: options.tls.certFile,
            key_file: options.tls.keyFile,
            ca_file: options.tls.caFile,
          },
        }
      : {}),
    authorization: { users },
  };
  return (
    '# Generated from libs/messaging/src/bus/bus-principals.ts (who may do what on NATS); do not edit.\n' +
    `${JSON.stringify(config, null, 2)}\n`
  );
}
