import { Logger } from '@nestjs/common';
import { WebSocketGateway, type OnGatewayConnection, type OnGatewayInit } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import type { AuthenticatedUser } from '@arogyam/auth';
import { NotificationPush } from './notification-push';
import { SocketAuthenticator } from './socket-authenticator';
import { userRoom } from './user-room';

export interface SocketData {
  user: AuthenticatedUser;
  /** The handshake token's version: the socket ends when the account's moves on (account-sockets.ts). */
  tokenVersion: number;
}

/**
 * Socket.IO on the gateway's origin. Each gateway instance serves its own sockets; realtime
 * events reach them through plain NATS subscriptions (realtime-fanout.ts), so instances need
 * no sticky state and no extra broker.
 */
@WebSocketGateway({ path: '/socket.io' })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger(RealtimeGateway.name);

  constructor(
    private readonly authenticator: SocketAuthenticator,
    private readonly notifications: NotificationPush,
  ) {}

  afterInit(server: Server): void {
    this.notifications.attach(server);
    server.use((socket, next) => {
      this.authenticator
        .authenticate(socket.handshake.auth?.token)
        .then(({ user, tokenVersion }) => {
          Object.assign(socket.data as SocketData, { user, tokenVersion });
          next();
        })
        .catch((error: Error) => next(error));
    });
  }

  handleConnection(socket: Socket): void {
    const { user } = socket.data as SocketData;
    void socket.join(userRoom(user.userId));
    this.logger.debug(`socket ${socket.id} connected for ${user.role} ${user.userId}`);
  }
}
