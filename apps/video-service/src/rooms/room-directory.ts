import { Inject, Injectable, Logger } from '@nestjs/common';
import { StringCodec, type KV, type KvEntry, type NatsConnection } from 'nats';
import { VIDEO_ROOMS_BUCKET } from '@arogyam/contracts';
import { NATS_CONNECTION } from '@arogyam/messaging';
import { VideoServiceConfig } from '../config/video-service.config';

const codec = StringCodec();

/** NATS subjects and KV keys take `[A-Za-z0-9_-]`; anything else in an id becomes `_`. */
export const natsToken = (value: string): string => value.replace(/[^A-Za-z0-9_-]/g, '_');

/** JetStream's "wrong last sequence": someone else wrote the key first (create, update by revision). */
const WRONG_LAST_SEQUENCE = 10071;
const lostTheRace = (error: unknown): boolean =>
  (error as { api_error?: { err_code?: number } }).api_error?.err_code === WRONG_LAST_SEQUENCE;

/** A key freed and claimed again at the same moment by others more than this many times: give up. */
const CLAIM_ATTEMPTS = 3;

/**
 * Which video instance hosts which consultation's room: the `video-rooms` NATS KV bucket maps an
 * appointment id to an instance id. Claims are atomic (`create`, then `update` by revision), so
 * two instances racing for one room never both host it: the loser reads the winner and routes
 * there. Entries live VIDEO_ROOM_TTL_SECONDS and the host refreshes them while the room lives, so
 * a crashed instance's rooms are free again after one TTL (or at once, see `takeOver`).
 */
@Injectable()
export class RoomDirectory {
  private readonly logger = new Logger(RoomDirectory.name);
  private kv?: Promise<KV>;
  /** The revision of each entry this instance wrote: the next refresh must follow it. */
  private readonly revisions = new Map<string, number>();
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
    return ownerIn(await (await this.bucket()).get(natsToken(appointmentId)));
  }

  /**
   * Makes this instance the room's host unless another instance already is: answers the host,
   * this instance's id when the claim (or an earlier one of its own) holds.
   */
  async claim(appointmentId: string): Promise<string> {
    const kv = await this.bucket();
    const key = natsToken(appointmentId);
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      try {
        this.revisions.set(key, await kv.create(key, codec.encode(this.instance)));
        return this.instance;
      } catch (error) {
        if (!lostTheRace(error)) throw error;
      }
      const entry = await kv.get(key);
      const owner = ownerIn(entry);
      if (owner === this.instance && entry) this.revisions.set(key, entry.revision);
      if (owner) return owner;
      // Deleted between our create and our read: try again.
    }
    throw new Error(`Room ${appointmentId}: the directory entry keeps changing hands`);
  }

  /**
   * Refreshes this instance's entry (its TTL) by revision. False when the entry is no longer ours
   * (it expired and another instance claimed the room): the caller has lost the room.
   */
  async keepAlive(appointmentId: string): Promise<boolean> {
    const kv = await this.bucket();
    const key = natsToken(appointmentId);
    const revision = this.revisions.get(key);
    if (revision !== undefined) {
      try {
        this.revisions.set(key, await kv.update(key, codec.encode(this.instance), revision));
        return true;
      } catch (error) {
        if (!lostTheRace(error)) throw error;
      }
    }
    return (await this.claim(appointmentId)) === this.instance;
  }

  /**
   * Takes the room from an instance that no longer answers, only if the entry still names it (an
   * update by the revision we read), so two instances noticing the same dead host cannot both
   * take over. Answers the host afterwards.
   */
  async takeOver(appointmentId: string, goneInstance: string): Promise<string> {
    const kv = await this.bucket();
    const key = natsToken(appointmentId);
    const entry = await kv.get(key);
    if (ownerIn(entry) !== goneInstance || !entry) return this.claim(appointmentId);
    try {
      this.revisions.set(key, await kv.update(key, codec.encode(this.instance), entry.revision));
      return this.instance;
    } catch (error) {
      if (!lostTheRace(error)) throw error;
      return this.claim(appointmentId);
    }
  }

  /** Removes the entry if this instance holds it (by revision: never another instance's claim). */
  async release(appointmentId: string): Promise<void> {
    const key = natsToken(appointmentId);
    const revision = this.revisions.get(key);
    this.revisions.delete(key);
    try {
      const kv = await this.bucket();
      if (revision !== undefined) await kv.delete(key, { previousSeq: revision });
    } catch (error) {
      if (lostTheRace(error)) return; // someone else holds it now: not ours to delete
      this.logger.warn(`Could not release room ${appointmentId}: ${(error as Error).message}`);
    }
  }

  /** The TTL refresh period of a live room. */
  get refreshMs(): number {
    return Math.max(1000, Math.floor((this.config.VIDEO_ROOM_TTL_SECONDS * 1000) / 3));
  }
}

function ownerIn(entry: KvEntry | null): string | undefined {
  if (!entry || entry.operation !== 'PUT' || entry.value.length === 0) return undefined;
  return codec.decode(entry.value);
}

/** Thrown by a room operation when the directory names another instance as the room's host. */
export class RoomHostedElsewhere extends Error {
  constructor(
    readonly appointmentId: string,
    readonly owner: string,
  ) {
    super(`Room ${appointmentId} is hosted by ${owner}`);
    this.name = 'RoomHostedElsewhere';
  }
}
