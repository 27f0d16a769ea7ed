import { Injectable } from '@nestjs/common';
import { ChatEventTypes, DomainError, type ChatReadView, type MarkChatReadMessage } from '@arogyam/contracts';
import { createEvent } from '@arogyam/messaging';
import { ChatMessageRepository } from '../messages/chat-message.repository';
import { RoomBroadcast } from '../realtime/room-broadcast';
import { ChatRoomRepository, type UnreadRecount } from '../rooms/chat-room.repository';
import type { ChatReadPointer } from '../rooms/chat-room.schema';
import { RoomAccess } from '../rooms/room-access';
import { RoomPointers } from '../rooms/room-pointers';
import { othersThan, timelineOf, type StoredRoom } from '../rooms/room-views';
import { toReadView } from './read-views';

@Injectable()
export class ReadStateService {
  constructor(
    private readonly messages: ChatMessageRepository,
    private readonly rooms: ChatRoomRepository,
    private readonly access: RoomAccess,
    private readonly pointers: RoomPointers,
    private readonly broadcast: RoomBroadcast,
  ) {}

  /**
   * Marks everything up to a message of the room as read by the caller. The pointer only moves
   * forward: marking an older message answers the pointer as it stands and tells nobody. A move is
   * stored with its `evt.chat.room_read` (notification-service then marks the reader's chat
   * notifications of the room read) and the caller's recounted unread messages, and broadcast to
   * the room's sockets.
   */
  async markRead(message: MarkChatReadMessage): Promise<ChatReadView> {
    const { actor, roomId, messageId } = message;
    const room = await this.access.memberRoom(actor, roomId);
    const current = room.readUpTo?.[actor.userId];
    if (current && current.messageId >= messageId) {
      await this.repairUnread(room, actor.userId, current.messageId);
      return toReadView(roomId, actor.userId, current);
    }
    if ((await this.messages.roomOf(messageId)) !== roomId) {
      throw DomainError.notFound('Message not found in this room.');
    }
    const unread = await this.unreadAfter(room, actor.userId, messageId);
    const pointer: ChatReadPointer = { messageId, at: new Date() };
    const event = createEvent(ChatEventTypes.roomRead, toReadView(roomId, actor.userId, pointer));
    const stored = await this.pointers.advanceReadPointer(roomId, actor.userId, pointer, [event], unread);
    const view = toReadView(roomId, actor.userId, stored ?? pointer);
    this.broadcast.read(view);
    return view;
  }

  /**
   * A count left too high (a message was recorded while the pointer moved, see RoomPointers) is
   * recounted when the member marks read again, e.g. the newest message on opening the room. A
   * count of 0 is never too high, and one from a pointer at the newest message is recounted free.
   */
  private async repairUnread(room: StoredRoom, readerId: string, pointerId: string): Promise<void> {
    const stored = room.unread?.[readerId] ?? 0;
    if (stored === 0) return;
    const unread = await this.unreadAfter(room, readerId, pointerId);
    if (unread.count !== stored) await this.rooms.recountUnread(room._id, readerId, pointerId, unread);
  }

  /**
   * The reader's unread messages once `messageId` is read: the other member's after it, up to the
   * newest the room has recorded (as `room` was read). One stored but not yet recorded adds itself
   * when it is recorded. Reading the newest message, the usual case, counts nothing.
   */
  private async unreadAfter(room: StoredRoom, readerId: string, messageId: string): Promise<UnreadRecount> {
    const newest = room.lastMessage?.id;
    let count = 0;
    if (newest && newest > messageId) {
      for (const senderId of othersThan(room, readerId)) {
        count += await this.messages.countFromAfter(timelineOf(room), senderId, messageId, newest);
      }
    }
    return { count, ifMessageCount: room.messageCount };
  }
}
