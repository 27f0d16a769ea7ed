import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ChatRoomListMessage, ChatRoomMessage, ChatSubjects, type ChatRoomView } from '@arogyam/contracts';
import { ChatRoomsService } from './chat-rooms.service';

@Controller()
export class ChatRoomsHandler {
  constructor(private readonly rooms: ChatRoomsService) {}

  @MessagePattern(ChatSubjects.listRooms)
  list(@Payload() message: ChatRoomListMessage): Promise<ChatRoomView[]> {
    return this.rooms.list(message.actor);
  }

  @MessagePattern(ChatSubjects.getRoom)
  get(@Payload() message: ChatRoomMessage): Promise<ChatRoomView> {
    return this.rooms.get(message.actor, message.roomId);
  }
}
