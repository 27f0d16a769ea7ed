import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { JSONCodec, type NatsConnection, type Subscription } from 'nats';
import type { Server } from 'socket.io';
import {
  APPOINTMENT_REALTIME_WILDCARD,
  APPOINTMENT_UPDATED_SOCKET_EVENT,
  NOTIFICATION_REALTIME_WILDCARD,
  NOTIFICATIONS_READ_REALTIME_WILDCARD,
} from '@arogyam/contracts';
import { NATS_CONNECTION } from '@arogyam/messaging';
import { userRoom } from './user-room';

/** The Socket.IO event a signed-in user's sockets receive for each new in-app notification. */
export const NOTIFICATION_SOCKET_EVENT = 'notification';
/** …and for notifications marked read (`{ids, readAt, unreadCount}`), so every open bell drops. */
export const NOTIFICATIONS_READ_SOCKET_EVENT = 'notification:read';

const codec = JSONCodec<unknown>();

/**
 * Pushes notification-service's inbox news to their user's sockets on this instance: each stored
 * in-app notification, and notifications marked read; and appointment-service's changed
 * appointments to their doctor's and patient's sockets (`appointment:updated`). Like the chat fan-out, every gateway
 * instance subscribes (no queue group), so the user is reached whichever instance their socket is
 * on; a missed push is still in the inbox.
 */
@Injectable()
export class NotificationPush implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(NotificationPush.name);
  private server?: Server;
  private subscriptions: Subscription[] = [];

  constructor(@Inject(NATS_CONNECTION) private readonly connection: NatsConnection) {}

  attach(server: Server): void {
    this.server = server;
  }

  onModuleInit(): void {
    this.subscriptions = [
      this.forward(NOTIFICATION_REALTIME_WILDCARD, NOTIFICATION_SOCKET_EVENT),
      this.forward(NOTIFICATIONS_READ_REALTIME_WILDCARD, NOTIFICATIONS_READ_SOCKET_EVENT),
      // An appointment's changes reach its doctor's and patient's sockets the same way.
      this.forward(APPOINTMENT_REALTIME_WILDCARD, APPOINTMENT_UPDATED_SOCKET_EVENT),
    ];
  }

  onModuleDestroy(): void {
    this.subscriptions.forEach((subscription) => subscription.unsubscribe());
  }

  /** `rt.user.<userId>.<what>` to the user's sockets as `event`. */
  private forward(subjects: string, event: string): Subscription {
    return this.connection.subscribe(subjects, {
      callback: (error, message) => {
        if (error) return this.logger.warn(`Notification subscription: ${error.message}`);
        const userId = message.subject.split('.')[2];
        if (!userId || !this.server) return;
        try {
          this.server.to(userRoom(userId)).emit(event, codec.decode(message.data));
        } catch {
          this.logger.warn(`Dropping an undecodable notification push on ${message.subject}`);
        }
      },
    });
  }
}
