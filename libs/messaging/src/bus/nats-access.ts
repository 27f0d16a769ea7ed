import type { ConnectionOptions } from 'nats';
import { inboxPrefixOf } from './bus-permissions';

/**
 * How a process reaches NATS: the servers and, where the server asks for them (always outside a
 * developer's own unauthenticated NATS), its principal's user and password, and the CA of a
 * `tls://` server. Never logged: only `url` may be.
 */
export interface NatsAccess {
  /** Comma-separated server URLs, `nats://` or `tls://`, without credentials. */
  url: string;
  user?: string;
  password?: string;
  /** The CA certificate that signed the server's (tls:// in production). */
  caFile?: string;
}

/** The nats.js options of one access: servers, credentials, its own inbox prefix, TLS. */
export function natsConnectionOptions(access: NatsAccess | string): ConnectionOptions {
  const { url, user, password, caFile } = typeof access === 'string' ? { url: access } : access;
  return {
    servers: url.split(','),
    ...(user ? { user, pass: password, inboxPrefix: inboxPrefixOf(user) } : {}),
    ...(caFile ? { tls: { caFile } } : {}),
  };
}
