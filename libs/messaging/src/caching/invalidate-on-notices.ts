import type { NatsConnection, Subscription } from 'nats';
import { onReconnect } from '../nats-connection';
import type { AnswerCache } from './answer-cache';

/**
 * Keeps a cache honest to a plain-NATS change notice: each message on `subject` drops the scope
 * `scopeOf` reads from it (everything when it names none), and a reconnect drops everything,
 * because notices sent while the connection was down are lost.
 */
export function invalidateOnNotices<T>(
  cache: AnswerCache<T>,
  connection: NatsConnection,
  subject: string,
  scopeOf: (data: Uint8Array) => string | undefined = () => undefined,
): Subscription {
  const subscription = connection.subscribe(subject, {
    callback: (error, message) => {
      if (!error) cache.invalidate(scopeOf(message.data));
    },
  });
  onReconnect(connection, () => cache.invalidate());
  return subscription;
}
