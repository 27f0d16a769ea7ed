import { Injectable } from '@nestjs/common';
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
import { AuditTrail, InjectOutboxRelay, isRefusal, OutboxRelay, toOutboxEntry } from '@arogyam/persistence';
import { RoomBroadcast } from '../realtime/room-broadcast';
import { RoomAccess } from '../rooms/room-access';
import { RoomPointers } from '../rooms/room-pointers';
import { othersThan, timelineOf, toLastMessage } from '../rooms/room-views';
import { ChatMessage } from './chat-message.schema';
import { ChatMessageRepository } from './chat-message.repository';
import { messageDay } from './message-days';
import { nextMessageId } from './message-ids';
import { toChatMessageView, type StoredMessage } from './message-views';

@Injectable()
export class ChatMessagesService {
  constructor(
    private readonly messages: ChatMessageRepository,
    private readonly access: RoomAccess,
    private readonly pointers: RoomPointers,
    private readonly broadcast: RoomBroadcast,
    @InjectOutboxRelay(ChatMessage.name) private readonly relay: OutboxRelay<ChatMessage>,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Stores a member's message with its `evt.chat.message_created` event in the same insert, then
   * records it on the room (`lastMessage`, the recipient's unread count) and tells the gateways:
   * the message is stored before anyone receives it, and counted before its recipient can read
   * it. A resend with the same `clientId` answers the original message: the unique index on
   * `{roomId, senderId, clientId}` refuses the copy.
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
      day: messageDay(_id),
    };
    const view = toChatMessageView(stored);
    const recipientIds = othersThan(room, actor.userId);
    const event = createEvent(ChatEventTypes.messageCreated, { ...view, recipientIds });
    // The message and its trace in the audit trail are one insert.
    const written = this.audit.eventsFor({
      actor,
      patientId: room.patient.id,
      kind: 'chat_history',
      resourceId: roomId,
      action: 'create',
      outcome: 'allowed',
    });
    const outbox = [event, ...written].map(toOutboxEntry);
    try {
      await this.messages.insert(stored, outbox);
    } catch (error) {
      if (!isDuplicateKey(error) || !clientId) throw error;
      return this.resent(roomId, actor.userId, clientId, error);
    }
    // The event as just written: no second read of the message (FerretDB's writes are the bottleneck).
    void this.relay.flushWritten(_id, outbox);
    try {
      await this.pointers.messageStored(roomId, toLastMessage(view), recipientIds);
    } finally {
      // Stored is enough to be delivered, even if recording it on the room failed.
      this.broadcast.message(view);
    }
    return view;
  }

  /** A room's messages newest first: older than `before`, newer than `after`, `limit` of them. */
  async list(message: ListChatMessagesMessage): Promise<ChatMessagePage> {
    const { actor, roomId, before, after } = message;
    const access = { actor, kind: 'chat_history' as const, resourceId: roomId, action: 'read' as const };
    const room = await this.access.memberRoom(actor, roomId).catch(async (refusal: unknown) => {
      if (!isRefusal(refusal)) throw refusal;
      return this.audit.deny({ ...access, patientId: await this.access.patientOf(roomId) }, refusal);
    });
    const limit = message.limit ?? DEFAULT_CHAT_PAGE_SIZE;
    const found = await this.messages.pageOf(timelineOf(room), { before, after }, limit + 1);
    await this.audit.record({ ...access, patientId: room.patient.id, outcome: 'allowed' });
    return { items: found.slice(0, limit).map(toChatMessageView), hasMore: found.length > limit };
  }

  /**
   * The message a resend repeats, as first stored. The room's `lastMessage` is moved again in case
   * the first send stopped between its insert and that update (moving it is idempotent; counting
   * it is not, so a count such a crash missed waits for its recipient's next read).
   */
  private async resent(
    roomId: string,
    senderId: string,
    clientId: string,
    error: unknown,
  ): Promise<ChatMessageView> {
    const original = await this.messages.findResent(roomId, senderId, clientId);
    // Not a resend after all: the duplicate was another unique key (a colliding `_id`).
    if (!original) throw error;
    const view = toChatMessageView(original);
    await this.pointers.advanceLastMessage(roomId, toLastMessage(view));
    return view;
  }
}
