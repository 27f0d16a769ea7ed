import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { JSONCodec, type NatsConnection, type Subscription } from 'nats';
import type { Server } from 'socket.io';
import { NOTIFICATION_REALTIME_WILDCARD } from '@arogyam/contracts';
import { NATS_CONNECTION } from '@arogyam/messaging';
import { userRoom } from './user-room';

/** The Socket.IO event a signed-in user's sockets receive for each new in-app notification. */
export const NOTIFICATION_SOCKET_EVENT = 'notification';

const codec = JSONCodec<unknown>();

/**
 * Pushes notification-service's stored in-app notifications to their user's sockets on this
 * instance. Like the chat fan-out, every gateway instance subscribes (no queue group), so the
 * user is reached whichever instance their socket is on; a missed push is still in the inbox.
 */
@Injectable()
export class NotificationPush implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(NotificationPush.name);
  private server?: Server;
  private subscription?: Subscription;

  constructor(@Inject(NATS_CONNECTION) private readonly connection: NatsConnection) {}

  attach(server: Server): void {
    this.server = server;
  }

  onModuleInit(): void {
    this.subscription = this.connection.subscribe(NOTIFICATION_REALTIME_WILDCARD, {
      callback: (error, message) => {
        if (error) return this.logger.warn(`Notification subscription: ${error.message}`);
        // rt.user.<userId>.notification
        const userId = message.subject.split('.')[2];
        if (!userId || !this.server) return;
        try {
          this.server.to(userRoom(userId)).emit(NOTIFICATION_SOCKET_EVENT, codec.decode(message.data));
        } catch {
          this.logger.warn(`Dropping an undecodable notification on ${message.subject}`);
        }
      },
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }
}
