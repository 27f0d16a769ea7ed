import { Transform, Type } from 'class-transformer';
import { IsInt, IsMongoId, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import {
  CHAT_CLIENT_ID_PATTERN,
  CHAT_ROOM_ID_PATTERN,
  MAX_CHAT_MESSAGE_LENGTH,
  MAX_CHAT_PAGE_SIZE,
} from './chat-rooms';
import { MaxTextLength, MinTextLength } from '../common/text-length';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class ChatRoomRefDto {
  @IsString()
  @Matches(CHAT_ROOM_ID_PATTERN, { message: 'must be a chat room id' })
  roomId: string;
}

/** A message's text: trimmed, 1 to 4000 characters, plain text (stored as given, never as HTML). */
export class ChatMessageBodyDto {
  @Transform(trim)
  @IsString()
  @MinTextLength(1, { message: 'must not be empty' })
  @MaxTextLength(MAX_CHAT_MESSAGE_LENGTH)
  body: string;
}

export class ChatClientIdDto {
  @IsString()
  @Matches(CHAT_CLIENT_ID_PATTERN, { message: 'must be 1 to 64 letters, digits, - or _' })
  clientId: string;
}

/** `POST /api/chat/rooms/:id/messages`; with `clientId`, a retried POST answers the original message. */
export class SendChatMessageDto extends ChatMessageBodyDto {
  @IsOptional()
  @IsString()
  @Matches(CHAT_CLIENT_ID_PATTERN, { message: 'must be 1 to 64 letters, digits, - or _' })
  clientId?: string;
}

/** `GET /api/chat/rooms/:id/messages?before=&after=&limit=`: message ids as cursors. */
export class ChatMessageListQueryDto {
  @IsOptional()
  @IsMongoId({ message: 'must be a message id' })
  before?: string;

  @IsOptional()
  @IsMongoId({ message: 'must be a message id' })
  after?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_CHAT_PAGE_SIZE)
  limit?: number;
}

export class ChatMessageRefDto {
  @IsMongoId({ message: 'must be a message id' })
  messageId: string;
}
