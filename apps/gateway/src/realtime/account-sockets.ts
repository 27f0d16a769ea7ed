import { Inject, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { WebSocketGateway, type OnGatewayConnection, type OnGatewayInit } from '@nestjs/websockets';
import { JSONCodec, type NatsConnection, type Subscription } from 'nats';
import type { Server, Socket } from 'socket.io';
import {
  ACCOUNT_SUSPENDED_SOCKET_EVENT,
  SESSION_ENDED_SOCKET_EVENT,
  UserEventTypes,
  eventSubject,
  type AccountStatusAnswer,
  type AccountSuspendedNotice,
  type EventEnvelope,
  type SessionEndedNotice,
  type UserStatusChangedPayload,
} from '@arogyam/contracts';
import { ACCOUNT_STATUS_CHECKER, type AccountStatusChecker } from '@arogyam/auth';
import { NATS_CONNECTION, onReconnect } from '@arogyam/messaging';
import type { SocketData } from './realtime.gateway';
import { RecentAccountChanges } from './recent-account-changes';
import { userRoom } from './user-room';

const codec = JSONCodec<EventEnvelope<string, Partial<UserStatusChangedPayload>>>();

export const ACCOUNT_SUSPENDED_NOTICE: AccountSuspendedNotice = {
  error: 'account_suspended',
  message: 'This account has been suspended, so you have been signed out. Please contact support.',
};

export const SESSION_ENDED_NOTICE: SessionEndedNotice = {
  error: 'session_ended',
  message: 'The password of this account was changed, so this session has ended. Please sign in again.',
};

/**
 * Closes the sockets on this gateway instance that an account change ended, the moment
 * user-service's event passes: a suspended user's (`evt.user.suspended`, after telling each
 * socket why with `account:suspended`), an erased one's, and after a password change every socket
 * opened with a token of the old version (`session:ended` first). The handshake already refuses
 * such tokens, so only a client holding a newer token comes back.
 *
 * Every instance subscribes to the events' JetStream subjects with plain NATS (no queue group, no
 * durable consumer): JetStream stores a published event, and every plain subscriber to its subject
 * receives it too. Only the sockets open right now matter, and they live on instances connected to
 * NATS right now; a durable consumer per instance would be state that outlives instances. What
 * plain NATS can miss (an instance cut off from NATS while the event passed) is caught after the
 * instance reconnects, by asking user-service about every user with a socket here.
 */
@WebSocketGateway({ path: '/socket.io' })
export class AccountSockets implements OnGatewayInit, OnGatewayConnection, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AccountSockets.name);
  private readonly recentSuspensions = new RecentAccountChanges();
  private readonly recentPasswordChanges = new RecentAccountChanges();
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
        this.recentSuspensions.heard(userId, at);
        this.closeSuspended(userId);
      }),
      this.follow(UserEventTypes.reactivated, (userId, at) => this.recentSuspensions.undone(userId, at)),
      // An erased account's sockets end without the suspension notice: its own app is signing out.
      this.follow(UserEventTypes.erased, (userId, at) => {
        this.recentSuspensions.heard(userId, at);
        this.server?.in(userRoom(userId)).disconnectSockets(true);
      }),
      this.follow(UserEventTypes.passwordChanged, (userId, at) => {
        this.recentPasswordChanges.heard(userId, at);
        void this.closeStale(userId);
      }),
    ];
    onReconnect(this.connection, () => this.recheckConnectedUsers());
  }

  onModuleDestroy(): void {
    this.subscriptions.forEach((subscription) => subscription.unsubscribe());
  }

  /** A socket whose handshake checked the account just before a change of it was heard of. */
  handleConnection(socket: Socket): void {
    const { user } = socket.data as SocketData;
    if (!user) return;
    if (this.recentSuspensions.has(user.userId)) {
      socket.emit(ACCOUNT_SUSPENDED_SOCKET_EVENT, ACCOUNT_SUSPENDED_NOTICE);
      socket.disconnect(true);
    } else if (this.recentPasswordChanges.has(user.userId)) {
      void this.closeStale(user.userId);
    }
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

  private closeSuspended(userId: string): void {
    if (!this.server) return;
    // Emitted before the close on the same connection, so it arrives first (Engine.IO drains its
    // buffer before closing the transport).
    this.server.to(userRoom(userId)).emit(ACCOUNT_SUSPENDED_SOCKET_EVENT, ACCOUNT_SUSPENDED_NOTICE);
    this.server.in(userRoom(userId)).disconnectSockets(true);
  }

  /**
   * Closes the user's sockets opened with a token of another version than the account's now
   * (asked fresh: the cached answer may predate the change). The session that changed the
   * password holds a token of the new version, so its sockets stay. One that cannot be checked
   * stays connected, as on a reconnect.
   */
  private async closeStale(userId: string, known?: AccountStatusAnswer): Promise<void> {
    const account = known ?? (await this.accounts.check(userId, { fresh: true }).catch(() => undefined));
    if (!account || !this.server) return;
    const sockets = this.server.of('/');
    for (const socketId of [...(sockets.adapter.rooms.get(userRoom(userId)) ?? [])]) {
      const socket = sockets.sockets.get(socketId);
      if (!socket || (socket.data as SocketData).tokenVersion === account.tokenVersion) continue;
      socket.emit(SESSION_ENDED_SOCKET_EVENT, SESSION_ENDED_NOTICE);
      socket.disconnect(true);
    }
  }

  /** One account look-up per user with a socket here. */
  private async recheckConnectedUsers(): Promise<void> {
    if (!this.server) return;
    const users = new Set(
      [...this.server.of('/').sockets.values()].map((socket) => (socket.data as SocketData).user?.userId),
    );
    for (const userId of users) {
      if (!userId) continue;
      // Fresh: what this instance missed while cut off is exactly what its cache cannot know.
      const account = await this.accounts.check(userId, { fresh: true }).catch(() => undefined);
      if (!account) continue;
      if (!account.active) this.closeSuspended(userId);
      else await this.closeStale(userId, account);
    }
  }
}
