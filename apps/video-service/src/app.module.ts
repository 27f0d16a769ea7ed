import { Global, Module, type DynamicModule } from '@nestjs/common';
import { MessagingModule } from '@arogyam/messaging';
import { HealthModule } from '@arogyam/service-kit';
import { VideoServiceConfig } from './config/video-service.config';
import { CallPush } from './realtime/call-push';
import { AppointmentAccess } from './rooms/appointment-access';
import { CallEvents } from './rooms/call-events';
import { CallRooms } from './rooms/call-rooms.service';
import { RoomDirectory } from './rooms/room-directory';
import { RoomRouting } from './rooms/room-routing';
import { VideoHandler } from './rooms/video.handler';
import { SfuHandler } from './sfu/sfu.handler';
import { SfuRooms } from './sfu/sfu-rooms';
import { SfuSignaling } from './sfu/sfu-signaling';
import { MediaHealthIndicator, MediaWorkers } from './workers/media-workers';

/** The workers, shared by the app and the health module (its indicator needs them). */
@Global()
@Module({})
class MediaModule {
  static register(config: VideoServiceConfig): DynamicModule {
    return {
      module: MediaModule,
      providers: [{ provide: VideoServiceConfig, useValue: config }, MediaWorkers],
      exports: [VideoServiceConfig, MediaWorkers],
    };
  }
}

/** video-service owns no collections: NATS (RPC, JetStream events, the KV room directory) and mediasoup. */
@Module({})
export class AppModule {
  static register(config: VideoServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        MediaModule.register(config),
        MessagingModule.forRoot({
          nats: config.natsAccess,
          connectionName: `video-service#${config.INSTANCE_ID}`,
          rpcTimeoutMs: config.RPC_TIMEOUT_MS,
        }),
        HealthModule.forService({
          service: 'video',
          instance: config.INSTANCE_ID,
          indicators: [MediaHealthIndicator],
        }),
      ],
      controllers: [VideoHandler, SfuHandler],
      providers: [
        AppointmentAccess,
        RoomDirectory,
        RoomRouting,
        CallPush,
        CallEvents,
        SfuRooms,
        CallRooms,
        SfuSignaling,
      ],
    };
  }
}
