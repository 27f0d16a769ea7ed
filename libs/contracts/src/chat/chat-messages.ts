import { IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { ActorDto } from '../common/actor-message.dto';
import { ChatMessageListQueryDto, ChatRoomRefDto, SendChatMessageDto } from './chat.dto';
import { ChatReadPayload } from './chat-socket.dto';

/** The outer shapes of chat-service's subjects: the caller next to the subject's own fields. */
class ChatActorPart {
  @ValidateNested()
  @Type(() => ActorDto)
  actor: ActorDto;
}

/** `chat.room.list`. */
export class ChatRoomListMessage extends ChatActorPart {}

/** `chat.room.get`. */
export class ChatRoomMessage extends IntersectionType(ChatActorPart, ChatRoomRefDto) {}

/** `chat.message.list`. */
export class ListChatMessagesMessage extends IntersectionType(ChatRoomMessage, ChatMessageListQueryDto) {}

/** `chat.message.send`: `body` is the message text here. */
export class SendChatMessageMessage extends IntersectionType(ChatRoomMessage, SendChatMessageDto) {}

/** `chat.room.read`. */
export class MarkChatReadMessage extends IntersectionType(ChatActorPart, ChatReadPayload) {}
