import type { ChatMessageView } from '@arogyam/contracts';
import type { ChatMessage } from './chat-message.schema';

export type StoredMessage = Omit<ChatMessage, 'outbox'>;

/** The public view; `clientId` only when the sender gave one (otherwise it is the message's own id). */
export const toChatMessageView = (message: StoredMessage): ChatMessageView => {
  const id = message._id.toHexString();
  return {
    id,
    roomId: message.roomId,
    senderId: message.senderId,
    body: message.body,
    ...(message.clientId !== id ? { clientId: message.clientId } : {}),
    createdAt: new Date(message.createdAt).toISOString(),
  };
};
