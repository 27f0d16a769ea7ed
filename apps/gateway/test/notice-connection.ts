import { JSONCodec, type NatsConnection } from 'nats';

type Deliver = (error: null, message: { data: Uint8Array }) => void;

/**
 * For a unit test of a cache kept honest by plain-NATS notices: a connection that delivers only
 * what the test sends with `notice`, to every subscriber of that subject, as nats.js calls a
 * subscription's callback; it never reconnects.
 */
export function noticeConnection(): {
  connection: NatsConnection;
  notice: (subject: string, payload?: unknown) => void;
} {
  const subscribers = new Map<string, Deliver[]>();
  const connection = {
    subscribe: (subject: string, options: { callback: Deliver }) => {
      subscribers.set(subject, [...(subscribers.get(subject) ?? []), options.callback]);
      return { unsubscribe: () => undefined };
    },
    status: () => ({ [Symbol.asyncIterator]: () => ({ next: () => new Promise(() => undefined) }) }),
  } as unknown as NatsConnection;
  const notice = (subject: string, payload?: unknown) => {
    const data = payload === undefined ? new Uint8Array() : JSONCodec().encode(payload);
    for (const deliver of subscribers.get(subject) ?? []) deliver(null, { data });
  };
  return { connection, notice };
}
