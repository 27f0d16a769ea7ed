import { Inject, Injectable, Logger } from '@nestjs/common';
import { JSONCodec, type NatsConnection } from 'nats';
import { NATS_CONNECTION } from '@arogyam/messaging';

const codec = JSONCodec<unknown>();

/**
 * Tells a user's open apps something through the gateways: plain NATS on one of the user's
 * `rt.user.<id>.…` subjects, which every gateway instance pushes to the user's sockets. At most
 * once and never in the way of the write it follows: what it carries is stored already, and the
 * apps read it again after a reconnect.
 */
@Injectable()
export class RealtimePush {
  private readonly logger = new Logger(RealtimePush.name);

  constructor(@Inject(NATS_CONNECTION) private readonly nats: NatsConnection) {}

  publish(subject: string, payload: unknown): void {
    try {
      this.nats.publish(subject, codec.encode(payload));
    } catch (error) {
      this.logger.warn(`Realtime push on ${subject} failed: ${(error as Error).message}`);
    }
  }
}
