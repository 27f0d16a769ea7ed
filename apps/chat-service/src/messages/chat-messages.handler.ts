import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ChatSubjects,
  ListChatMessagesMessage,
  SendChatMessageMessage,
  type ChatMessagePage,
  type ChatMessageView,
} from '@arogyam/contracts';
import { ChatMessagesService } from './chat-messages.service';

@Controller()
export class ChatMessagesHandler {
  constructor(private readonly messages: ChatMessagesService) {}

  @MessagePattern(ChatSubjects.listMessages)
  list(@Payload() message: ListChatMessagesMessage): Promise<ChatMessagePage> {
    return this.messages.list(message);
  }

  @MessagePattern(ChatSubjects.send)
  send(@Payload() message: SendChatMessageMessage): Promise<ChatMessageView> {
    return this.messages.send(message);
  }
}
