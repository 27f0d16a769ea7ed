import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { ChatEventTypes, DomainError, type ChatReadView, type MarkChatReadMessage } from '@arogyam/contracts';
import { createEvent } from '@arogyam/messaging';
import { ChatMessage } from '../messages/chat-message.schema';
import { RoomBroadcast } from '../realtime/room-broadcast';
import type { ChatReadPointer } from '../rooms/chat-room.schema';
import { RoomAccess } from '../rooms/room-access';
import { RoomPointers } from '../rooms/room-pointers';
import { toReadView } from './read-views';

@Injectable()
export class ReadStateService {
  constructor(
    @InjectModel(ChatMessage.name) private readonly messages: Model<ChatMessage>,
    private readonly access: RoomAccess,
    private readonly pointers: RoomPointers,
    private readonly broadcast: RoomBroadcast,
  ) {}

  /**
   * Marks everything up to a message of the room as read by the caller. The pointer only moves
   * forward: marking an older message answers the pointer as it stands and tells nobody. A move is
   * stored with its `evt.chat.room_read` (notification-service then marks the reader's chat
   * notifications of the room read) and broadcast to the room's sockets.
   */
  async markRead(message: MarkChatReadMessage): Promise<ChatReadView> {
    const { actor, roomId, messageId } = message;
    const room = await this.access.memberRoom(actor, roomId);
    const current = room.readUpTo?.[actor.userId];
    if (current && current.messageId >= messageId) return toReadView(roomId, actor.userId, current);
    // By `_id` alone, which FerretDB looks up without scanning the messages; the room is checked here.
    const read = await this.messages.findById(new Types.ObjectId(messageId), { roomId: 1 }).lean().exec();
    if (read?.roomId !== roomId) throw DomainError.notFound('Message not found in this room.');
    const pointer: ChatReadPointer = { messageId, at: new Date() };
    const event = createEvent(ChatEventTypes.roomRead, toReadView(roomId, actor.userId, pointer));
    const stored = await this.pointers.advance(
      roomId,
      { path: `readUpTo.${actor.userId}`, idField: 'messageId' },
      pointer,
      [event],
    );
    const view = toReadView(roomId, actor.userId, stored ?? pointer);
    this.broadcast.read(view);
    return view;
  }
}
