import { Module, type DynamicModule } from '@nestjs/common';
import { DataServiceModule } from '@arogyam/persistence';
import { ChatServiceConfig } from './config/chat-service.config';
import { PatientErasure } from './data-rights/patient-erasure';
import { chatMessageModel, ChatMessageRepository } from './messages/chat-message.repository';
import { ChatMessage } from './messages/chat-message.schema';
import { ChatMessagesHandler } from './messages/chat-messages.handler';
import { ChatMessagesService } from './messages/chat-messages.service';
import { ReadStateHandler } from './read-state/read-state.handler';
import { ReadStateService } from './read-state/read-state.service';
import { RoomBroadcast } from './realtime/room-broadcast';
import { AppointmentBookingsConsumer } from './rooms/appointment-bookings.consumer';
import { chatRoomModel, ChatRoomRepository } from './rooms/chat-room.repository';
import { ChatRoom } from './rooms/chat-room.schema';
import { ChatRoomsHandler } from './rooms/chat-rooms.handler';
import { ChatRoomsService } from './rooms/chat-rooms.service';
import { RoomAccess } from './rooms/room-access';
import { RoomPointers } from './rooms/room-pointers';
import { PatientDataExportHandler } from './data-rights/patient-data-export.handler';

@Module({})
export class AppModule {
  static register(config: ChatServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DataServiceModule.forService({
          service: 'chat',
          config,
          audited: 'chat',
          outboxes: [ChatMessage.name, ChatRoom.name],
          models: [chatRoomModel, chatMessageModel],
        }),
      ],
      controllers: [ChatRoomsHandler, ChatMessagesHandler, ReadStateHandler, PatientDataExportHandler],
      providers: [
        ChatRoomRepository,
        ChatMessageRepository,
        RoomAccess,
        RoomPointers,
        RoomBroadcast,
        ChatRoomsService,
        ChatMessagesService,
        ReadStateService,
        AppointmentBookingsConsumer,
        PatientErasure,
      ],
    };
  }
}
