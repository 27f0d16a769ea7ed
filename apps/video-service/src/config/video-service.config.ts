import { IsIP, IsIn, IsOptional, IsString } from 'class-validator';
import {
  IntSetting,
  ServiceConfig,
  productionSecretProblem,
  type ProductionChecked,
} from '@arogyam/service-kit';
import type { IceServer } from '@arogyam/contracts';

const DEFAULT_ICE_SERVERS = JSON.stringify([{ urls: 'stun:stun.l.google.com:19302' }]);

export const VIDEO_MEDIA_MODES = ['auto', 'sfu', 'p2p'] as const;
export type VideoMediaSetting = (typeof VIDEO_MEDIA_MODES)[number];

/** video-service owns no collections: NATS only (its room directory is a NATS KV bucket). */
export class VideoServiceConfig extends ServiceConfig implements ProductionChecked {
  /**
   * How many times a room's media server may die under it before the room stops using the SFU:
   * its participants rejoin peer-to-peer for the rest of the call (a worker that crashes on
   * every call must not keep a consultation from happening).
   */
  @IntSetting(1, 100)
  VIDEO_SFU_MAX_RESTARTS: number = 2;

  /** mediasoup workers to start; 0 or unset: one per core. */
  @IsOptional()
  @IntSetting(0, 256)
  MEDIASOUP_WORKERS?: number;

  /**
   * How calls carry media. `sfu`: through mediasoup workers, and the service does not start
   * without them; `p2p`: browser to browser, no worker started; `auto`: the SFU when a worker
   * starts, else peer-to-peer (and says why in its status).
   */
  @IsIn(VIDEO_MEDIA_MODES)
  VIDEO_MEDIA: VideoMediaSetting = 'auto';

  /**
   * The mediasoup-worker binary: scripts/build-mediasoup-worker.sh provides one at
   * .tools/mediasoup-worker/<mediasoup version>/mediasoup-worker (the npm package's own build
   * step is skipped: ignore-scripts).
   */
  @IsOptional()
  @IsString()
  MEDIASOUP_WORKER_BIN?: string;

  /** The local address the WebRTC transports bind (0.0.0.0 in a container). */
  @IsIP()
  MEDIASOUP_LISTEN_IP = '127.0.0.1';

  /** The address or host name browsers reach (the public IP behind NAT); defaults to the listen IP. */
  @IsOptional()
  @IsString()
  MEDIASOUP_ANNOUNCED_IP?: string;

  @IntSetting(1024, 65535)
  MEDIASOUP_RTC_MIN_PORT: number = 40000;

  @IntSetting(1024, 65535)
  MEDIASOUP_RTC_MAX_PORT: number = 40100;

  /** JSON array of RTCIceServer; `[]` means host candidates only (tests, a LAN). */
  @IsString()
  VIDEO_ICE_SERVERS = DEFAULT_ICE_SERVERS;

  /** How early before `startAt` the two may join. */
  @IntSetting(0, 7 * 24 * 60)
  VIDEO_JOIN_EARLY_MINUTES: number = 10;

  /** How long after `endAt` a call may go on (or start). */
  @IntSetting(0, 24 * 60)
  VIDEO_JOIN_LATE_MINUTES: number = 30;

  /**
   * How long a call goes on after a participant's last connection dropped, so a reload or a
   * network blip can rejoin; then it ends (duration up to the drop), as if they had hung up.
   */
  @IntSetting(1, 600)
  VIDEO_REJOIN_GRACE_SECONDS: number = 30;

  /**
   * How long the doctor's call rings before it counts as missed: the ringing stops on both sides,
   * the patient gets a missed-call notice, and may still join (the waiting room) within the window.
   */
  @IntSetting(5, 600)
  VIDEO_RING_TIMEOUT_SECONDS: number = 60;

  /** TTL of a room's entry in the `video-rooms` KV bucket; refreshed while the room lives. */
  @IntSetting(5, 3600)
  VIDEO_ROOM_TTL_SECONDS: number = 60;

  /** TURN servers handed to clients, comma-separated; with TURN_SECRET, time-limited credentials. */
  @IsOptional()
  @IsString()
  TURN_URLS?: string;

  /** coturn's `static-auth-secret`. */
  @IsOptional()
  @IsString()
  TURN_SECRET?: string;

  @IntSetting(60, 7 * 24 * 3600)
  TURN_CREDENTIAL_TTL_SECONDS: number = 3600;

  productionProblems(): string[] {
    const problem = productionSecretProblem('TURN_SECRET', this.TURN_SECRET);
    return problem ? [problem] : [];
  }

  /** TURN, when both TURN_URLS and TURN_SECRET are set. */
  turn(): { urls: string[]; secret: string; ttlSeconds: number } | undefined {
    const urls = (this.TURN_URLS ?? '')
      .split(',')
      .map((url) => url.trim())
      .filter(Boolean);
    if (urls.length === 0 || !this.TURN_SECRET) return undefined;
    return { urls, secret: this.TURN_SECRET, ttlSeconds: this.TURN_CREDENTIAL_TTL_SECONDS };
  }

  iceServers(): IceServer[] {
    let parsed: unknown;
    try {
      parsed = JSON.parse(this.VIDEO_ICE_SERVERS);
    } catch {
      throw new Error('VIDEO_ICE_SERVERS is not valid JSON (want e.g. [{"urls":"stun:host:3478"}])');
    }
    if (!Array.isArray(parsed)) throw new Error('VIDEO_ICE_SERVERS must be a JSON array');
    return parsed as IceServer[];
  }
}
