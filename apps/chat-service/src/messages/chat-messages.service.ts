import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type FilterQuery, type Model } from 'mongoose';
import {
  ChatEventTypes,
  DEFAULT_CHAT_PAGE_SIZE,
  type ChatMessagePage,
  type ChatMessageView,
  type ListChatMessagesMessage,
  type SendChatMessageMessage,
  isDuplicateKey,
} from '@arogyam/contracts';
import { createEvent } from '@arogyam/messaging';
import { InjectOutboxRelay, OutboxRelay, toOutboxEntry } from '@arogyam/persistence';
import { RoomBroadcast } from '../realtime/room-broadcast';
import { RoomAccess } from '../rooms/room-access';
import { RoomPointers } from '../rooms/room-pointers';
import { othersThan, toLastMessage } from '../rooms/room-views';
import { ChatMessage } from './chat-message.schema';
import { nextMessageId } from './message-ids';
import { toChatMessageView, type StoredMessage } from './message-views';

@Injectable()
export class ChatMessagesService {
  constructor(
    @InjectModel(ChatMessage.name) private readonly messages: Model<ChatMessage>,
    private readonly access: RoomAccess,
    private readonly pointers: RoomPointers,
    private readonly broadcast: RoomBroadcast,
    @InjectOutboxRelay(ChatMessage.name) private readonly relay: OutboxRelay<ChatMessage>,
  ) {}

  /**
   * Stores a member's message with its `evt.chat.message_created` event in the same insert, then
   * tells the gateways (the message is stored before anyone receives it) and moves the room's
   * `lastMessage`. A resend with the same `clientId` answers the original message: the unique
   * index on `{roomId, senderId, clientId}` refuses the copy.
   */
  async send(message: SendChatMessageMessage): Promise<ChatMessageView> {
    const { actor, roomId, body, clientId } = message;
    const room = await this.access.memberRoom(actor, roomId);
    const _id = nextMessageId(room.lastMessage?.id);
    const stored: StoredMessage = {
      _id,
      roomId,
      senderId: actor.userId,
      body,
      clientId: clientId ?? _id.toHexString(),
      createdAt: new Date(),
    };
    const view = toChatMessageView(stored);
    const event = createEvent(ChatEventTypes.messageCreated, {
      ...view,
      recipientIds: othersThan(room, actor.userId),
    });
    const outbox = [toOutboxEntry(event)];
    try {
      await this.messages.create({ ...stored, outbox });
    } catch (error) {
      if (!isDuplicateKey(error) || !clientId) throw error;
      return this.resent(roomId, actor.userId, clientId, error);
    }
    // The event as just written: no second read of the message (FerretDB's writes are the bottleneck).
    void this.relay.flushWritten(_id, outbox);
    this.broadcast.message(view);
    await this.pointers.advance(roomId, { path: 'lastMessage', idField: 'id' }, toLastMessage(view));
    return view;
  }

  /** A room's messages newest first: older than `before`, newer than `after`, `limit` of them. */
  async list(message: ListChatMessagesMessage): Promise<ChatMessagePage> {
    const { actor, roomId, before, after } = message;
    await this.access.memberRoom(actor, roomId);
    const limit = message.limit ?? DEFAULT_CHAT_PAGE_SIZE;
    const filter: FilterQuery<ChatMessage> = { roomId };
    if (before || after) {
      filter._id = {
        ...(before ? { $lt: new Types.ObjectId(before) } : {}),
        ...(after ? { $gt: new Types.ObjectId(after) } : {}),
      };
    }
    const found = await this.messages
      .find(filter, { outbox: 0 })
      .sort({ _id: -1 })
      .limit(limit + 1)
      .lean<StoredMessage[]>()
      .exec();
    return { items: found.slice(0, limit).map(toChatMessageView), hasMore: found.length > limit };
  }

  /**
   * The message a resend repeats, as first stored. The room's `lastMessage` is moved again in case
   * the first send stopped between its insert and that update (moving it is idempotent).
   */
  private async resent(
    roomId: string,
    senderId: string,
    clientId: string,
    error: unknown,
  ): Promise<ChatMessageView> {
    const original = await this.messages
      .findOne({ roomId, senderId, clientId }, { outbox: 0 })
      .lean<StoredMessage>()
      .exec();
    // Not a resend after all: the duplicate was another unique key (a colliding `_id`).
    if (!original) throw error;
    const view = toChatMessageView(original);
    await this.pointers.advance(roomId, { path: 'lastMessage', idField: 'id' }, toLastMessage(view));
    return view;
  }
}
