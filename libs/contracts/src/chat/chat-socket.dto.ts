import { IntersectionType } from '@nestjs/swagger';
import { IsBoolean, IsMongoId, IsOptional } from 'class-validator';
import { ChatClientIdDto, ChatMessageBodyDto, ChatMessageRefDto, ChatRoomRefDto } from './chat.dto';

/** Socket.IO event names of the chat (docs/api.md, "Realtime"); typing and read go both ways. */
export const ChatSocketEvents = {
  join: 'chat:join',
  send: 'chat:send',
  typing: 'chat:typing',
  read: 'chat:read',
  message: 'chat:message',
} as const;

/** `chat:join`; a reconnecting client adds the last message id it saw to get what it missed. */
export class ChatJoinPayload extends ChatRoomRefDto {
  @IsOptional()
  @IsMongoId({ message: 'must be a message id' })
  after?: string;
}

/** `chat:send`: the ack is the stored message; a resend with the same `clientId` gets the original. */
export class ChatSendPayload extends IntersectionType(
  ChatRoomRefDto,
  IntersectionType(ChatMessageBodyDto, ChatClientIdDto),
) {}

/** `chat:typing`: passed on to the room's other member, never stored. */
export class ChatTypingPayload extends ChatRoomRefDto {
  @IsBoolean()
  typing: boolean;
}

/** `chat:read`: everything up to `messageId` is read. */
export class ChatReadPayload extends IntersectionType(ChatRoomRefDto, ChatMessageRefDto) {}
