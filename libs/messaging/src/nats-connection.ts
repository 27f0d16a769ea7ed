import { connect, Events, type NatsConnection } from 'nats';

export const NATS_CONNECTION = Symbol('NATS_CONNECTION');

/**
 * One connection per process for RPC calls and JetStream. It reconnects forever, so a NATS
 * restart (or a service coming back) needs no restart of ours.
 */
export async function connectNats(url: string, name: string): Promise<NatsConnection> {
  return connect({
    servers: url.split(','),
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    waitOnFirstConnect: true,
    // nats.js otherwise captures a stack trace per request (for timeout errors); RpcCallError
    // already names the subject, and the capture was ~7% of the gateway's CPU under load.
    noAsyncTraces: true,
  });
}

/**
 * Calls `react` after each reconnect of `connection`, for as long as it lives: plain NATS
 * messages sent while it was disconnected are lost, so state fed by them must be caught up.
 * Reactions run one at a time, in order.
 */
export function onReconnect(connection: NatsConnection, react: () => unknown): void {
  void (async () => {
    for await (const status of connection.status()) {
      if (status.type === Events.Reconnect) await react();
    }
  })();
}
