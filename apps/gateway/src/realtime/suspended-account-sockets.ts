import { Inject, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { WebSocketGateway, type OnGatewayConnection, type OnGatewayInit } from '@nestjs/websockets';
import { JSONCodec, type NatsConnection, type Subscription } from 'nats';
import type { Server, Socket } from 'socket.io';
import {
  ACCOUNT_SUSPENDED_SOCKET_EVENT,
  UserEventTypes,
  eventSubject,
  type AccountSuspendedNotice,
  type EventEnvelope,
  type UserStatusChangedPayload,
} from '@arogyam/contracts';
import { ACCOUNT_STATUS_CHECKER, type AccountStatusChecker } from '@arogyam/auth';
import { NATS_CONNECTION, onReconnect } from '@arogyam/messaging';
import type { SocketData } from './realtime.gateway';
import { RecentSuspensions } from './recent-suspensions';
import { userRoom } from './user-room';

const codec = JSONCodec<EventEnvelope<string, Partial<UserStatusChangedPayload>>>();

export const ACCOUNT_SUSPENDED_NOTICE: AccountSuspendedNotice = {
  error: 'account_suspended',
  message: 'This account has been suspended, so you have been signed out. Please contact support.',
};

/**
 * Closes a suspended user's sockets on this gateway instance the moment user-service's
 * `evt.user.suspended` passes, after telling each socket why (`account:suspended`). The handshake
 * already refuses a suspended account's tokens, so the client cannot come back.
 *
 * Every instance subscribes to the event's JetStream subject with plain NATS (no queue group, no
 * durable consumer): JetStream stores a published event, and every plain subscriber to its subject
 * receives it too. Only the sockets open right now matter, and they live on instances connected to
 * NATS right now; a durable consumer per instance would be state that outlives instances. What
 * plain NATS can miss (an instance cut off from NATS while the event passed) is caught after the
 * instance reconnects, by asking user-service about every user with a socket here.
 */
@WebSocketGateway({ path: '/socket.io' })
export class SuspendedAccountSockets
  implements OnGatewayInit, OnGatewayConnection, OnModuleInit, OnModuleDestroy
{
  private readonly logger = new Logger(SuspendedAccountSockets.name);
  private readonly recent = new RecentSuspensions();
  private server?: Server;
  private subscriptions: Subscription[] = [];

  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    @Inject(ACCOUNT_STATUS_CHECKER) private readonly accounts: AccountStatusChecker,
  ) {}

  afterInit(server: Server): void {
    this.server = server;
  }

  onModuleInit(): void {
    this.subscriptions = [
      this.follow(UserEventTypes.suspended, (userId, at) => {
        this.recent.suspended(userId, at);
        this.close(userId);
      }),
      this.follow(UserEventTypes.reactivated, (userId, at) => this.recent.reactivated(userId, at)),
      // An erased account's sockets end without the suspension notice: its own app is signing out.
      this.follow(UserEventTypes.erased, (userId, at) => {
        this.recent.suspended(userId, at);
        this.server?.in(userRoom(userId)).disconnectSockets(true);
      }),
    ];
    onReconnect(this.connection, () => this.recheckConnectedUsers());
  }

  onModuleDestroy(): void {
    this.subscriptions.forEach((subscription) => subscription.unsubscribe());
  }

  /** A socket whose handshake checked the account just before its suspension was heard of. */
  handleConnection(socket: Socket): void {
    const { user } = socket.data as SocketData;
    if (user && this.recent.has(user.userId)) this.closeSocket(socket);
  }

  private follow(type: string, apply: (userId: string, at: Date) => void): Subscription {
    return this.connection.subscribe(eventSubject(type), {
      callback: (error, message) => {
        if (error) return this.logger.warn(`${type} subscription: ${error.message}`);
        try {
          const event = codec.decode(message.data);
          const at = new Date(event.occurredAt);
          if (typeof event.payload?.userId === 'string' && !Number.isNaN(at.getTime())) {
            apply(event.payload.userId, at);
          }
        } catch {
          this.logger.warn(`Dropping an undecodable ${type} event`);
        }
      },
    });
  }

  private close(userId: string): void {
    if (!this.server) return;
    // Emitted before the close on the same connection, so it arrives first (Engine.IO drains its
    // buffer before closing the transport).
    this.server.to(userRoom(userId)).emit(ACCOUNT_SUSPENDED_SOCKET_EVENT, ACCOUNT_SUSPENDED_NOTICE);
    this.server.in(userRoom(userId)).disconnectSockets(true);
  }

  private closeSocket(socket: Socket): void {
    socket.emit(ACCOUNT_SUSPENDED_SOCKET_EVENT, ACCOUNT_SUSPENDED_NOTICE);
    socket.disconnect(true);
  }

  /** One account look-up per user with a socket here; one that cannot be checked stays connected. */
  private async recheckConnectedUsers(): Promise<void> {
    if (!this.server) return;
    const users = new Set(
      [...this.server.of('/').sockets.values()].map((socket) => (socket.data as SocketData).user?.userId),
    );
    for (const userId of users) {
      if (!userId) continue;
      // Fresh: what this instance missed while cut off is exactly what its cache cannot know.
      const account = await this.accounts.check(userId, { fresh: true }).catch(() => undefined);
      if (account && !account.active) this.close(userId);
    }
  }
}
