import { Injectable, Logger } from '@nestjs/common';
import {
  roleInChatRoom,
  type ChatMessageCreatedPayload,
  type ChatRoomReadPayload,
  type EventEnvelope,
} from '@arogyam/contracts';
import { NotificationDispatcher } from '../channels/notification-dispatcher';
import { ChatReadPointerRepository } from '../chat-reads/chat-read-pointer.repository';
import { Clock } from '../clock/clock';
import { AppLinks } from '../messages/app-links';
import { chatMessageCreatedMessage } from '../messages/chat-messages';
import { InboxService } from '../notifications/inbox.service';
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

const isRoomRead = (payload: unknown): payload is ChatRoomReadPayload => {
  const read = payload as Partial<ChatRoomReadPayload> | null;
  return Boolean(
    read?.roomId &&
    read.userId &&
    typeof read.messageId === 'string' &&
    read.at &&
    !Number.isNaN(new Date(read.at).getTime()),
  );
};

/**
 * `chat.message_created`: each recipient gets "New message from <name>" in-app, unless they have
 * read the room past it already. Whether they are reading the room right now is chat-service's
 * knowledge, not ours, so email and SMS for chat follow only the user's own switch (off unless
 * they turn it on). `chat.room_read`: the reader's chat notifications of the room up to what they
 * read are marked read, and their bells told.
 */
@Injectable()
export class ChatNotices {
  private readonly logger = new Logger(ChatNotices.name);

  constructor(
    private readonly dispatcher: NotificationDispatcher,
    private readonly contacts: ContactDirectory,
    private readonly readPointers: ChatReadPointerRepository,
    private readonly inbox: InboxService,
    private readonly clock: Clock,
    private readonly links: AppLinks,
  ) {}

  async messageCreated(event: EventEnvelope): Promise<void> {
    const at = occurredAt(event);
    if (!at || !isChatMessage(event.payload)) {
      this.logger.error(`Ignoring ${event.type} ${event.id}: not a chat message event`);
      return;
    }
    if (isStale(at, this.clock.now())) return;
    const message = event.payload;
    const others = message.recipientIds.filter((userId) => userId !== message.senderId);
    const readAlready = await this.readPointers.readersOf(message.roomId, message.id, others);
    const recipients = others.filter((userId) => !readAlready.some((read) => read.userId === userId));
    if (recipients.length === 0) return;
    const sender = (await this.contacts.person(message.senderId)) ?? {};
    await this.dispatcher.deliverAll(
      recipients.map((userId) => ({
        sourceId: event.id,
        kind: 'chat',
        recipient: { userId },
        data: { roomId: message.roomId, messageId: message.id },
        compose: (locale) => ({
          ...chatMessageCreatedMessage(sender, message.body, locale),
          link: this.links.chatRoom(roleInChatRoom(message.roomId, userId), message.roomId),
        }),
      })),
    );
    // A read handled meanwhile (another instance) may have looked before this notification was
    // stored: each side writes, then looks for the other's write, so one of them marks it read.
    for (const read of await this.readPointers.readersOf(message.roomId, message.id, recipients)) {
      await this.inbox.markChatRoomRead(read);
    }
  }

  /** Not subject to the age limit: marking old news read is still right after an outage. */
  async roomRead(event: EventEnvelope): Promise<void> {
    if (!isRoomRead(event.payload)) {
      this.logger.error(`Ignoring ${event.type} ${event.id}: not a chat read event`);
      return;
    }
    await this.readPointers.moveForward(event.payload);
    await this.inbox.markChatRoomRead(event.payload);
  }
}
