import { Inject, Injectable, Logger } from '@nestjs/common';
import { JSONCodec, type NatsConnection } from 'nats';
import { VideoRealtimeSubjects, type VideoPush, type VideoPushEvent } from '@arogyam/contracts';
import { NATS_CONNECTION } from '@arogyam/messaging';

const codec = JSONCodec<VideoPush>();

/**
 * Tells a user's sockets, on whichever gateway instance they are, about their call: plain NATS
 * on `rt.user.<userId>.call` (at most once; a client that misses one re-reads the state with
 * `rtc:join`).
 */
@Injectable()
export class CallPush {
  private readonly logger = new Logger(CallPush.name);

  constructor(@Inject(NATS_CONNECTION) private readonly connection: NatsConnection) {}

  to(userId: string, event: VideoPushEvent, data: unknown): void {
    try {
      this.connection.publish(VideoRealtimeSubjects.of(userId), codec.encode({ event, data }));
    } catch (error) {
      this.logger.warn(`Could not push ${event} to ${userId}: ${(error as Error).message}`);
    }
  }
}
