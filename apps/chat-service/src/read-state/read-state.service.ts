import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { DomainError, type ChatReadView, type MarkChatReadMessage } from '@arogyam/contracts';
import { ChatMessage } from '../messages/chat-message.schema';
import { RoomBroadcast } from '../realtime/room-broadcast';
import type { ChatReadPointer } from '../rooms/chat-room.schema';
import { RoomAccess } from '../rooms/room-access';
import { RoomPointers } from '../rooms/room-pointers';

const toReadView = (roomId: string, userId: string, pointer: ChatReadPointer): ChatReadView => ({
  roomId,
  userId,
  messageId: pointer.messageId,
  at: new Date(pointer.at).toISOString(),
});

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
   * forward: marking an older message answers the pointer as it stands and tells nobody.
   */
  async markRead(message: MarkChatReadMessage): Promise<ChatReadView> {
    const { actor, roomId, messageId } = message;
    const room = await this.access.memberRoom(actor, roomId);
    const current = room.readUpTo?.[actor.userId];
    if (current && current.messageId >= messageId) return toReadView(roomId, actor.userId, current);
    const inRoom = await this.messages.exists({ _id: new Types.ObjectId(messageId), roomId }).exec();
    if (!inRoom) throw DomainError.notFound('Message not found in this room.');
    const pointer: ChatReadPointer = { messageId, at: new Date() };
    const stored = await this.pointers.advance(
      roomId,
      { path: `readUpTo.${actor.userId}`, idField: 'messageId' },
      pointer,
    );
    const view = toReadView(roomId, actor.userId, stored ?? pointer);
    this.broadcast.read(view);
    return view;
  }
}
