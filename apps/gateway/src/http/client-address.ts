import type { IncomingMessage } from 'node:http';

/**
 * The client's address as Express derives `req.ip` with `trust proxy` set to a hop count: the
 * socket's peer, or, behind `hops` proxies, the address the outermost trusted one saw (counted from
 * the right of X-Forwarded-For). For requests Express does not see (Socket.IO's), so both agree.
 */
export function clientAddressOf(request: IncomingMessage, hops: number): string | undefined {
  const forwarded = request.headers['x-forwarded-for'];
  const chain = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
    .split(',')
    .map((address) => address.trim())
    .filter((address) => address.length > 0)
    .reverse();
  const addresses = [request.socket.remoteAddress, ...chain];
  return addresses[Math.min(hops, addresses.length - 1)];
}
