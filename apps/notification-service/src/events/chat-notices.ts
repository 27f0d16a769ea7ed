import { Injectable, Logger } from '@nestjs/common';
import type { ChatMessageCreatedPayload, EventEnvelope } from '@arogyam/contracts';
import { NotificationDispatcher } from '../channels/notification-dispatcher';
import { Clock } from '../clock/clock';
import { chatMessageCreatedMessage } from '../messages/chat-messages';
import { ContactDirectory } from '../recipients/contact-directory';
import { isStale, occurredAt } from './event-time';

const isChatMessage = (payload: unknown): payload is ChatMessageCreatedPayload => {
  const message = payload as Partial<ChatMessageCreatedPayload> | null;
  return Boolean(
    message?.id &&
    message.roomId &&
    message.senderId &&
    typeof message.body === 'string' &&
    Array.isArray(message.recipientIds),
  );
};

/**
 * `chat.message_created`: each recipient gets "New message from <name>" in-app. Whether they are
 * reading the room right now is chat-service's knowledge, not ours, so email and SMS for chat follow
 * only the user's own switch (off unless they turn it on).
 */
@Injectable()
export class ChatNotices {
  private readonly logger = new Logger(ChatNotices.name);

  constructor(
    private readonly dispatcher: NotificationDispatcher,
    private readonly contacts: ContactDirectory,
    private readonly clock: Clock,
  ) {}

  async messageCreated(event: EventEnvelope): Promise<void> {
    const at = occurredAt(event);
    if (!at || !isChatMessage(event.payload)) {
      this.logger.error(`Ignoring ${event.type} ${event.id}: not a chat message event`);
      return;
    }
    if (isStale(at, this.clock.now())) return;
    const message = event.payload;
    const recipients = message.recipientIds.filter((userId) => userId !== message.senderId);
    if (recipients.length === 0) return;
    const sender = (await this.contacts.person(message.senderId)) ?? {};
    await this.dispatcher.deliverAll(
      recipients.map((userId) => ({
        sourceId: event.id,
        kind: 'chat',
        recipient: { userId },
        data: { roomId: message.roomId, messageId: message.id },
        compose: () => chatMessageCreatedMessage(sender, message.body),
      })),
    );
  }
}
