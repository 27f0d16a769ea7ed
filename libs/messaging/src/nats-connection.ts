import { Logger } from '@nestjs/common';
import { connect, Events, type NatsConnection } from 'nats';
import { natsConnectionOptions, type NatsAccess } from './bus/nats-access';

export const NATS_CONNECTION = Symbol('NATS_CONNECTION');

/**
 * One connection per process for RPC calls and JetStream. It reconnects forever, so a NATS
 * restart (or a service coming back) needs no restart of ours.
 */
export async function connectNats(access: NatsAccess | string, name: string): Promise<NatsConnection> {
  const connection = await connect({
    ...natsConnectionOptions(access),
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    waitOnFirstConnect: true,
    // nats.js otherwise captures a stack trace per request (for timeout errors); RpcCallError
    // already names the subject, and the capture was ~7% of the gateway's CPU under load.
    noAsyncTraces: true,
  });
  reportRefusals(connection, name);
  return connection;
}

/** What the server's permissions refuse: said at once, since a refused plain publish is silent. */
export const NATS_REFUSAL_LOG = 'NATS refused';

function reportRefusals(connection: NatsConnection, name: string): void {
  const logger = new Logger('NATS');
  void (async () => {
    for await (const status of connection.status()) {
      const refused = status.permissionContext;
      if (status.type === Events.Error && refused) {
        logger.error(
          `${NATS_REFUSAL_LOG} ${name} the ${refused.operation} of ${refused.subject}: not in its ` +
            'permissions (libs/messaging/src/bus/bus-principals.ts)',
        );
      }
    }
  })();
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
