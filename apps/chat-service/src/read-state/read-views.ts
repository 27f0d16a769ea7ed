import type { ChatReadView } from '@arogyam/contracts';
import type { ChatReadPointer } from '../rooms/chat-room.schema';

/** A member's stored read pointer as the API shows it (the `chat:read` payload). */
export const toReadView = (roomId: string, userId: string, pointer: ChatReadPointer): ChatReadView => ({
  roomId,
  userId,
  messageId: pointer.messageId,
  at: new Date(pointer.at).toISOString(),
});
