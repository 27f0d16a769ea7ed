import type { EventEnvelope } from './event-envelope';
import type { ChatMessageView } from '../chat/chat-views';

export const ChatEventTypes = {
  messageCreated: 'chat.message_created',
} as const;

/** A stored chat message (its view, `clientId` included when given) and the room members other than its sender. */
export interface ChatMessageCreatedPayload extends ChatMessageView {
  recipientIds: string[];
}

export type ChatMessageCreatedEvent = EventEnvelope<
  typeof ChatEventTypes.messageCreated,
  ChatMessageCreatedPayload
>;
