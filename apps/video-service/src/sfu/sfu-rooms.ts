import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { types as ms } from 'mediasoup';
import type { SfuProducerClosedView, SfuProducerView, VideoRejoinView } from '@arogyam/contracts';
import { VideoServiceConfig } from '../config/video-service.config';
import { CallPush } from '../realtime/call-push';
import { MediaWorkers } from '../workers/media-workers';
import { SfuRoom, type SfuRoomNotices } from './sfu-room';
import { webRtcTransportOptions } from './transport-options';

/**
 * The SFU side of the rooms this instance hosts: one SfuRoom (a router) per consultation, opened
 * on the first join and closed with the room. When a worker dies its routers are gone: each room
 * that had one gets a new router (on the replacement worker) and both participants are pushed
 * `rtc:rejoin`, so their clients join again and set up their media on it. A room whose router
 * died VIDEO_SFU_MAX_RESTARTS times gets none again until it closes: its rejoin answers p2p.
 */
@Injectable()
export class SfuRooms implements OnModuleInit {
  private readonly logger = new Logger(SfuRooms.name);
  private readonly rooms = new Map<string, SfuRoom>();
  /** Routers being made, so two joins at once share one. */
  private readonly opening = new Map<string, Promise<SfuRoom>>();
  private readonly participants = new Map<string, readonly string[]>();
  /** How many times each open room lost its router to a dead worker. */
  private readonly losses = new Map<string, number>();
  private readonly maxRestarts: number;
  private readonly transportOptions: ms.WebRtcTransportOptions;
  private readonly notices: SfuRoomNotices;

  constructor(
    private readonly workers: MediaWorkers,
    private readonly push: CallPush,
    config: VideoServiceConfig,
  ) {
    this.transportOptions = webRtcTransportOptions(config);
    this.maxRestarts = config.VIDEO_SFU_MAX_RESTARTS;
    this.notices = {
      newProducer: (to: string, producer: SfuProducerView) => this.push.to(to, 'rtc:producer', producer),
      producerClosed: (to: string, closed: SfuProducerClosedView) =>
        this.push.to(to, 'rtc:producer:closed', closed),
    };
  }

  onModuleInit(): void {
    this.workers.onWorkerDied(() => this.recover());
  }

  get size(): number {
    return this.rooms.size;
  }

  get(appointmentId: string): SfuRoom | undefined {
    return this.rooms.get(appointmentId);
  }

  /** The consultation's SfuRoom, with a router on the next worker if it has none yet. */
  open(appointmentId: string, participants: readonly string[]): Promise<SfuRoom> {
    const existing = this.rooms.get(appointmentId);
    if (existing && !existing.closed) return Promise.resolve(existing);
    const lost = this.losses.get(appointmentId) ?? 0;
    if (lost >= this.maxRestarts) {
      return Promise.reject(new Error(`its media server died ${lost} times during this call`));
    }
    let opening = this.opening.get(appointmentId);
    if (!opening) {
      opening = this.workers
        .createRouter()
        .then((router) => {
          const fault = (message: string) => this.logger.error(`Room ${appointmentId}: ${message}`);
          const room = new SfuRoom(
            appointmentId,
            participants,
            router,
            this.transportOptions,
            this.notices,
            fault,
          );
          this.rooms.set(appointmentId, room);
          this.participants.set(appointmentId, participants);
          return room;
        })
        .finally(() => this.opening.delete(appointmentId));
      this.opening.set(appointmentId, opening);
    }
    return opening;
  }

  removePeer(appointmentId: string, userId: string): void {
    this.rooms.get(appointmentId)?.removePeer(userId);
  }

  close(appointmentId: string): void {
    this.rooms.get(appointmentId)?.close();
    this.rooms.delete(appointmentId);
    this.participants.delete(appointmentId);
    this.losses.delete(appointmentId);
  }

  /** After a worker died (and was replaced): new routers for its rooms, and everyone rejoins. */
  async recover(): Promise<void> {
    for (const [appointmentId, room] of this.rooms) {
      if (!room.closed) continue;
      const lost = (this.losses.get(appointmentId) ?? 0) + 1;
      this.losses.set(appointmentId, lost);
      try {
        if (lost >= this.maxRestarts) {
          throw new Error(`its media server died ${lost} times; peer-to-peer for the rest of the call`);
        }
        room.rebuild(await this.workers.createRouter());
      } catch (error) {
        // No worker left, or too many deaths: the room loses its media. The rejoin answers p2p,
        // or (no worker, below the limit) opens a router again.
        this.logger.error(`Room ${appointmentId} lost its router: ${(error as Error).message}`);
        this.rooms.delete(appointmentId);
      }
      const rejoin: VideoRejoinView = { appointmentId, reason: 'media_restarted' };
      for (const userId of this.participants.get(appointmentId) ?? [])
        this.push.to(userId, 'rtc:rejoin', rejoin);
      if (!this.rooms.has(appointmentId)) this.participants.delete(appointmentId);
    }
  }
}
