import { Inject, Injectable, Logger } from '@nestjs/common';
import { StringCodec, type KV, type NatsConnection } from 'nats';
import { VIDEO_ROOMS_BUCKET } from '@arogyam/contracts';
import { NATS_CONNECTION } from '@arogyam/messaging';
import { VideoServiceConfig } from '../config/video-service.config';

const codec = StringCodec();

/** NATS subjects and KV keys take `[A-Za-z0-9_-]`; anything else in an id becomes `_`. */
export const natsToken = (value: string): string => value.replace(/[^A-Za-z0-9_-]/g, '_');

/**
 * Which video instance hosts which consultation's room: the `video-rooms` NATS KV bucket maps an
 * appointment id to an instance id. Entries live VIDEO_ROOM_TTL_SECONDS and the host refreshes
 * them while the room lives, so a crashed instance's rooms are free again after one TTL.
 */
@Injectable()
export class RoomDirectory {
  private readonly logger = new Logger(RoomDirectory.name);
  private kv?: Promise<KV>;
  readonly instance: string;

  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    private readonly config: VideoServiceConfig,
  ) {
    this.instance = natsToken(config.INSTANCE_ID);
  }

  /** The bucket, created on first use if missing. */
  bucket(): Promise<KV> {
    this.kv ??= this.connection
      .jetstream()
      .views.kv(VIDEO_ROOMS_BUCKET, { ttl: this.config.VIDEO_ROOM_TTL_SECONDS * 1000, history: 1 })
      .catch((error: unknown) => {
        this.kv = undefined;
        throw error;
      });
    return this.kv;
  }

  /** The instance hosting the room, if any instance does. */
  async ownerOf(appointmentId: string): Promise<string | undefined> {
    const entry = await (await this.bucket()).get(natsToken(appointmentId));
    if (!entry || entry.operation !== 'PUT' || entry.value.length === 0) return undefined;
    return codec.decode(entry.value);
  }

  /** Writes (or refreshes) this instance as the room's host. */
  async claim(appointmentId: string): Promise<void> {
    await (await this.bucket()).put(natsToken(appointmentId), codec.encode(this.instance));
  }

  /** Removes the entry if this instance holds it. */
  async release(appointmentId: string): Promise<void> {
    try {
      const owner = await this.ownerOf(appointmentId);
      if (owner === this.instance) await (await this.bucket()).delete(natsToken(appointmentId));
    } catch (error) {
      this.logger.warn(`Could not release room ${appointmentId}: ${(error as Error).message}`);
    }
  }

  /** The TTL refresh period of a live room. */
  get refreshMs(): number {
    return Math.max(1000, Math.floor((this.config.VIDEO_ROOM_TTL_SECONDS * 1000) / 3));
  }
}
