import type { EventEnvelope } from './event-envelope';
import type { ChatMessageView, ChatReadView } from '../chat/chat-views';

export const ChatEventTypes = {
  messageCreated: 'chat.message_created',
  roomRead: 'chat.room_read',
} as const;

/** A stored chat message (its view, `clientId` included when given) and the room members other than its sender. */
export interface ChatMessageCreatedPayload extends ChatMessageView {
  recipientIds: string[];
}

export type ChatMessageCreatedEvent = EventEnvelope<
  typeof ChatEventTypes.messageCreated,
  ChatMessageCreatedPayload
>;

/**
 * A member's read pointer moved forward: every message of the room up to `messageId` is read by
 * `userId` (notification-service marks that member's chat notifications of the room read).
 */
export type ChatRoomReadPayload = ChatReadView;

export type ChatRoomReadEvent = EventEnvelope<typeof ChatEventTypes.roomRead, ChatRoomReadPayload>;
