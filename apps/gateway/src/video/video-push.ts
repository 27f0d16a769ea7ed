import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { JSONCodec, type NatsConnection, type Subscription } from 'nats';
import type { Server } from 'socket.io';
import { VIDEO_PUSH_EVENTS, VideoRealtimeSubjects, type VideoPush } from '@arogyam/contracts';
import { NATS_CONNECTION } from '@arogyam/messaging';
import { userRoom } from '../realtime/user-room';

const codec = JSONCodec<VideoPush>();

/**
 * Emits video-service's call events (`rt.user.<userId>.call`) to the user's sockets on this
 * instance as the events VIDEO_PUSH_EVENTS lists (`call:ringing`, `call:missed`, `call:waiting`,
 * `rtc:signal`, `rtc:peer`, …).
 * Every gateway instance subscribes (no queue group), like the chat fan-out.
 */
@Injectable()
export class VideoPushFanout implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(VideoPushFanout.name);
  private server?: Server;
  private subscription?: Subscription;

  constructor(@Inject(NATS_CONNECTION) private readonly connection: NatsConnection) {}

  attach(server: Server): void {
    this.server = server;
  }

  onModuleInit(): void {
    this.subscription = this.connection.subscribe(VideoRealtimeSubjects.all, {
      callback: (error, message) => {
        if (error) return this.logger.warn(`Video subscription: ${error.message}`);
        const userId = message.subject.split('.')[2];
        if (!userId || !this.server) return;
        let push: VideoPush;
        try {
          push = codec.decode(message.data);
        } catch {
          return this.logger.warn(`Dropping an undecodable call event on ${message.subject}`);
        }
        if (!(VIDEO_PUSH_EVENTS as readonly string[]).includes(push.event)) return;
        this.server.to(userRoom(userId)).emit(push.event, push.data);
      },
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }
}
