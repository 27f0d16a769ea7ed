import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@arogyam/contracts';
import { InjectOutboxRelay, OutboxRelay } from '@arogyam/persistence';
import { ChatRoomRepository, type UnreadRecount } from './chat-room.repository';
import { ChatRoom, type ChatReadPointer, type ChatRoomLastMessage } from './chat-room.schema';

/**
 * Moves a room's pointers forward, never back (message ids sort by creation): its `lastMessage`
 * and each member's read pointer. Each move is one atomic single-document update, on MongoDB and
 * on our FerretDB alike (tools/ferretdb/README.md, patch 04), so concurrent moves need no turns
 * and no read-back: the newest wins whatever the order they land in.
 */
@Injectable()
export class RoomPointers {
  constructor(
    private readonly rooms: ChatRoomRepository,
    @InjectOutboxRelay(ChatRoom.name) private readonly relay: OutboxRelay<ChatRoom>,
  ) {}

  /** A stored message: `lastMessage` moves to it unless a newer one is there; it is unread for `recipientIds`. */
  messageStored(roomId: string, last: ChatRoomLastMessage, recipientIds: string[]): Promise<void> {
    return this.rooms.recordMessage(roomId, last, recipientIds);
  }

  /** `lastMessage` moves to `last` unless a newer one is there (a resend repeats its send's move). */
  advanceLastMessage(roomId: string, last: ChatRoomLastMessage): Promise<void> {
    return this.rooms.advanceLastMessage(roomId, last);
  }

  /**
   * Moves the reader's pointer to `pointer` unless it is there or beyond, and answers the pointer
   * as stored afterwards (`pointer` or a later one; undefined if the room is gone). `events`
   * announce the move: they are written in the same update, so only a move writes them, and
   * published right after it.
   *
   * `unread` (the reader's recount) is stored with the move only if no message was recorded on the
   * room since the recount read it; otherwise the pointer moves alone and the count keeps what
   * it had plus the new messages: too high, never too low, until the reader's next read.
   */
  async advanceReadPointer(
    roomId: string,
    readerId: string,
    pointer: ChatReadPointer,
    events: EventEnvelope[],
    unread?: UnreadRecount,
  ): Promise<ChatReadPointer | undefined> {
    const moved =
      (unread !== undefined &&
        (await this.rooms.moveReadPointer(roomId, readerId, pointer, events, unread))) ||
      (await this.rooms.moveReadPointer(roomId, readerId, pointer, events));
    if (!moved) return this.rooms.readPointerOf(roomId, readerId);
    // The whole outbox, not just these events: an earlier move's may still wait there.
    if (events.length > 0) void this.relay.flush(roomId);
    return pointer;
  }
}
