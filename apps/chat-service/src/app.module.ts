import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MessagingModule } from '@arogyam/messaging';
import { MongoHealthIndicator, MongoModule } from '@arogyam/persistence';
import { HealthModule } from '@arogyam/service-kit';
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
        MongoModule.forService({ url: config.MONGO_URL, dbName: config.MONGO_DB }),
        MongooseModule.forFeature([
          { name: ChatRoom.name, schema: ChatRoomSchema },
          { name: ChatMessage.name, schema: ChatMessageSchema },
        ]),
        MessagingModule.forRoot({
          natsUrl: config.NATS_URL,
          connectionName: `chat-service#${config.INSTANCE_ID}`,
          rpcTimeoutMs: config.RPC_TIMEOUT_MS,
        }),
        HealthModule.forService({
          service: 'chat',
          instance: config.INSTANCE_ID,
          indicators: [MongoHealthIndicator],
        }),
      ],
      controllers: [ChatRoomsHandler, ChatMessagesHandler, ReadStateHandler],
      providers: [
        { provide: ChatServiceConfig, useValue: config },
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
