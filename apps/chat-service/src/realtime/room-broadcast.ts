import { Inject, Injectable, Logger } from '@nestjs/common';
import { JSONCodec, type NatsConnection } from 'nats';
import {
  ChatRealtimeSubjects,
  type ChatMessageView,
  type ChatReadView,
  type ChatRealtimeKind,
} from '@arogyam/contracts';
import { NATS_CONNECTION } from '@arogyam/messaging';

const codec = JSONCodec<unknown>();

/**
 * Tells every gateway instance, by plain NATS (`rt.chat.<roomId>.<kind>`), what was just stored,
 * so each emits it to its own sockets in the room. Published after the write and from the stored
 * record, whichever route (REST or socket) wrote it. At most once: a client that missed it gets it
 * from the history or from `chat:join {after}` (docs/decisions.md, "Chat and realtime").
 */
@Injectable()
export class RoomBroadcast {
  private readonly logger = new Logger(RoomBroadcast.name);

  constructor(@Inject(NATS_CONNECTION) private readonly connection: NatsConnection) {}

  message(message: ChatMessageView): void {
    this.publish(message.roomId, 'message', message);
  }

  read(pointer: ChatReadView): void {
    this.publish(pointer.roomId, 'read', pointer);
  }

  private publish(roomId: string, kind: ChatRealtimeKind, payload: unknown): void {
    try {
      this.connection.publish(ChatRealtimeSubjects.of(roomId, kind), codec.encode(payload));
    } catch (error) {
      this.logger.warn(`Could not broadcast ${kind} in ${roomId}: ${(error as Error).message}`);
    }
  }
}
