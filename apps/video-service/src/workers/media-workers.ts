import { cpus } from 'node:os';
import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { types as ms } from 'mediasoup';
import type { VideoMode } from '@arogyam/contracts';
import { VideoServiceConfig } from '../config/video-service.config';

/** The codecs of a consultation's router: Opus audio, VP8 video (every browser has both). */
export const MEDIA_CODECS: ms.RtpCodecCapability[] = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2, preferredPayloadType: 100 },
  { kind: 'video', mimeType: 'video/VP8', clockRate: 90000, preferredPayloadType: 101 },
];

/** Worker log tags on at `warn`: the transport's handshakes and its encryption. */
export const WORKER_LOG_TAGS: ms.WorkerLogTag[] = ['info', 'ice', 'dtls', 'srtp'];

/**
 * The process's mediasoup workers. At start it creates MEDIASOUP_WORKERS of them (one per core
 * by default), as VIDEO_MEDIA says: `sfu` must have them (a failure stops the start), `p2p`
 * starts none, and `auto` falls back to `p2p` when they cannot start (no worker binary, see
 * scripts/build-mediasoup-worker.sh). In `p2p` mode calls are 1:1 peer-to-peer WebRTC over the
 * same signaling. A worker that dies is replaced first, then the
 * `onWorkerDied` listeners run (they give the rooms it carried new routers, on the replacement).
 * RTC ports come from the transports' listen infos (sfu/transport-options.ts), not the worker.
 */
@Injectable()
export class MediaWorkers implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(MediaWorkers.name);
  private workers: ms.Worker[] = [];
  private next = 0;
  private reason?: string;
  private mediasoup?: typeof import('mediasoup');
  private readonly diedListeners: ((worker: ms.Worker) => Promise<void> | void)[] = [];
  private closing = false;
  /** A dead worker's replacement while it starts: routers asked for meanwhile wait for it. */
  private replacing?: Promise<void>;

  constructor(private readonly config: VideoServiceConfig) {}

  get mode(): VideoMode {
    return this.workers.length > 0 ? 'sfu' : 'p2p';
  }

  get count(): number {
    return this.workers.length;
  }

  /** The live workers' process ids (the SFU test kills one to see the rooms recover). */
  get pids(): number[] {
    return this.workers.map((worker) => worker.pid);
  }

  /** Why the service is in p2p mode, if it is. */
  get unavailableReason(): string | undefined {
    return this.reason;
  }

  async onModuleInit(): Promise<void> {
    if (this.config.VIDEO_MEDIA === 'p2p') {
      this.reason = 'VIDEO_MEDIA=p2p';
      this.logger.log('calls use peer-to-peer (VIDEO_MEDIA=p2p)');
      return;
    }
    const wanted = this.config.MEDIASOUP_WORKERS || cpus().length || 1;
    try {
      // mediasoup reads MEDIASOUP_WORKER_BIN once, when it is loaded.
      if (this.config.MEDIASOUP_WORKER_BIN)
        process.env.MEDIASOUP_WORKER_BIN = this.config.MEDIASOUP_WORKER_BIN;
      this.mediasoup = await import('mediasoup');
      this.forwardWorkerLogs(this.mediasoup);
      for (let n = 0; n < wanted; n++) this.workers.push(await this.createWorker());
      this.logger.log(`mediasoup: ${this.workers.length} worker(s) up; calls use the SFU`);
    } catch (error) {
      for (const worker of this.workers) worker.close();
      this.workers = [];
      this.reason = (error as Error).message;
      const hint = 'Set MEDIASOUP_WORKER_BIN or run scripts/build-mediasoup-worker.sh (docs/development.md)';
      if (this.config.VIDEO_MEDIA === 'sfu') {
        throw new Error(`VIDEO_MEDIA=sfu but no mediasoup worker starts: ${this.reason}. ${hint}`);
      }
      this.logger.warn(`mediasoup worker unavailable: ${this.reason}; calls use peer-to-peer. ${hint}`);
    }
  }

  onApplicationShutdown(): void {
    this.closing = true;
    for (const worker of this.workers) worker.close();
    this.workers = [];
  }

  /** Called after a dead worker was replaced (or could not be): its routers are closed. */
  onWorkerDied(listener: (worker: ms.Worker) => Promise<void> | void): void {
    this.diedListeners.push(listener);
  }

  /** A router for one consultation on the next worker, round robin. */
  async createRouter(): Promise<ms.Router> {
    if (this.workers.length === 0) await this.replacing;
    if (this.workers.length === 0) throw new Error('no mediasoup worker');
    const worker = this.workers[this.next++ % this.workers.length];
    return worker.createRouter({ mediaCodecs: MEDIA_CODECS });
  }

  private async createWorker(): Promise<ms.Worker> {
    // Tagged worker warnings are dropped unless their tag is on: DTLS and ICE trouble (a failed
    // handshake, a crash's last words) must reach the log.
    const worker = await this.mediasoup!.createWorker({ logLevel: 'warn', logTags: WORKER_LOG_TAGS });
    worker.on('died', (error) => void this.replace(worker, error));
    return worker;
  }

  /**
   * mediasoup's own log lines (a worker's warnings and errors, its stderr) go to the service log;
   * by default they go to the `debug` module, which prints nothing unless DEBUG is set.
   */
  private forwardWorkerLogs(mediasoup: typeof import('mediasoup')): void {
    mediasoup.setLogEventListeners({
      onwarn: (namespace, log) => this.logger.warn(`${namespace} ${log}`),
      onerror: (namespace, log, error) =>
        this.logger.error(`${namespace} ${log}${error ? `: ${error.message}` : ''}`),
    });
  }

  /** Replaces a dead worker, then tells the listeners (their rooms' new routers need a worker). */
  private async replace(dead: ms.Worker, error: Error): Promise<void> {
    this.workers = this.workers.filter((worker) => worker !== dead);
    if (this.closing) return;
    this.logger.error(`mediasoup worker ${dead.pid} died (${error.message}); its rooms must rejoin`);
    const replaced = this.createWorker().then(
      (worker) => {
        if (this.closing) worker.close();
        else this.workers.push(worker);
      },
      (failure: Error) => this.logger.error(`could not replace the mediasoup worker: ${failure.message}`),
    );
    this.replacing = replaced;
    await replaced;
    if (this.replacing === replaced) this.replacing = undefined;
    for (const listener of this.diedListeners) {
      await Promise.resolve()
        .then(() => listener(dead))
        .catch((failure: Error) => this.logger.error(`after worker ${dead.pid} died: ${failure.message}`));
    }
  }
}

/** Health: `media` is up in p2p mode (a valid way to run) and in sfu mode while a worker lives. */
@Injectable()
export class MediaHealthIndicator {
  readonly name = 'media';
  constructor(private readonly workers: MediaWorkers) {}

  isHealthy(): boolean {
    return this.workers.mode === 'p2p'
      ? this.workers.unavailableReason !== undefined
      : this.workers.count > 0;
  }
}
