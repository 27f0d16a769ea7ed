import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { JSONCodec, type NatsConnection, type Subscription } from 'nats';
import type { Server } from 'socket.io';
import {
  ChatRealtimeSubjects,
  ChatSocketEvents,
  parseChatRealtimeSubject,
  type ChatMessageView,
  type ChatReadView,
  type ChatRealtimeKind,
  type ChatTypingView,
} from '@arogyam/contracts';
import { NATS_CONNECTION } from '@arogyam/messaging';
import { LiveHolds } from './live-holds';
import { userRoom } from './user-room';

const codec = JSONCodec<unknown>();

/** The Socket.IO room of a chat room's joined sockets on this instance. */
export const chatSocketRoom = (roomId: string): string => `chat:${roomId}`;

/**
 * The chat's realtime traffic between gateway instances. Every instance subscribes to
 * `rt.chat.>` with plain NATS and no queue group, so each gets every event and emits it to its
 * own sockets in the room: a sender on one instance reaches a receiver on any other, with no
 * sticky sessions and no other broker. Messages and read pointers are published by chat-service
 * after its write; typing by the instance whose socket typed.
 */
@Injectable()
export class RealtimeFanout implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RealtimeFanout.name);
  private server?: Server;
  private subscription?: Subscription;

  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    private readonly holds: LiveHolds,
  ) {}

  /** The Socket.IO server, from the gateway's init; events before it have no sockets to reach. */
  attach(server: Server): void {
    this.server = server;
  }

  onModuleInit(): void {
    this.subscription = this.connection.subscribe(ChatRealtimeSubjects.all, {
      callback: (error, message) => {
        if (error) return this.logger.warn(`Realtime subscription: ${error.message}`);
        this.deliver(message.subject, message.data);
      },
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** Tells every gateway instance, this one included. At most once, like all plain NATS. */
  publish(roomId: string, kind: ChatRealtimeKind, payload: unknown): void {
    this.connection.publish(ChatRealtimeSubjects.of(roomId, kind), codec.encode(payload));
  }

  private deliver(subject: string, data: Uint8Array): void {
    const target = parseChatRealtimeSubject(subject);
    if (!target || !this.server) return;
    let payload: unknown;
    try {
      payload = codec.decode(data);
    } catch {
      return this.logger.warn(`Dropping an undecodable realtime message on ${subject}`);
    }
    const room = this.server.to(chatSocketRoom(target.roomId));
    switch (target.kind) {
      case 'message': {
        const holding = this.holds.offer(payload as ChatMessageView);
        room.except(holding).emit(ChatSocketEvents.message, payload);
        break;
      }
      case 'typing':
        // Not back to the typist's own sockets.
        room.except(userRoom((payload as ChatTypingView).userId)).emit(ChatSocketEvents.typing, payload);
        break;
      case 'read':
        room.emit(ChatSocketEvents.read, payload as ChatReadView);
        break;
    }
  }
}
