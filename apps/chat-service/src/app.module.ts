import { Module, type DynamicModule } from '@nestjs/common';
import { DataServiceModule } from '@arogyam/persistence';
import { ChatServiceConfig } from './config/chat-service.config';
import { ChatMessage, ChatMessageSchema } from './messages/chat-message.schema';
import { ChatMessagesHandler } from './messages/chat-messages.handler';
import { ChatMessagesService } from './messages/chat-messages.service';
import { ReadStateHandler } from './read-state/read-state.handler';
import { ReadStateService } from './read-state/read-state.service';
import { UnreadCounts } from './read-state/unread-counts';
import { RoomBroadcast } from './realtime/room-broadcast';
import { AppointmentBookingsConsumer } from './rooms/appointment-bookings.consumer';
import { ChatRoom, ChatRoomSchema } from './rooms/chat-room.schema';
import { ChatRoomsHandler } from './rooms/chat-rooms.handler';
import { ChatRoomsService } from './rooms/chat-rooms.service';
import { RoomAccess } from './rooms/room-access';
import { RoomPointers } from './rooms/room-pointers';

@Module({})
export class AppModule {
  static register(config: ChatServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DataServiceModule.forService({
          service: 'chat',
          config,
          outboxes: [ChatMessage.name, ChatRoom.name],
          models: [
            { name: ChatRoom.name, schema: ChatRoomSchema },
            { name: ChatMessage.name, schema: ChatMessageSchema },
          ],
        }),
      ],
      controllers: [ChatRoomsHandler, ChatMessagesHandler, ReadStateHandler],
      providers: [
        RoomAccess,
        RoomPointers,
        UnreadCounts,
        RoomBroadcast,
        ChatRoomsService,
        ChatMessagesService,
        ReadStateService,
        AppointmentBookingsConsumer,
      ],
    };
  }
}
