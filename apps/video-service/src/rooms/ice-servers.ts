import { createHmac } from 'node:crypto';
import type { IceServer } from '@arogyam/contracts';

export interface TurnOptions {
  urls: string[];
  secret: string;
  ttlSeconds: number;
}

/**
 * Time-limited TURN credentials for one user, the TURN REST API scheme coturn checks with
 * `--use-auth-secret`: username `<expiry unix seconds>:<userId>`, credential
 * base64(HMAC-SHA1(secret, username)).
 */
export function turnServer(turn: TurnOptions, userId: string, now = Date.now()): IceServer {
  const username = `${Math.floor(now / 1000) + turn.ttlSeconds}:${userId}`;
  const credential = createHmac('sha1', turn.secret).update(username).digest('base64');
  return { urls: turn.urls, username, credential };
}
