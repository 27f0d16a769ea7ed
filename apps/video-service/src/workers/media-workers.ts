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

/**
 * The process's mediasoup workers. At start it tries to create MEDIASOUP_WORKERS of them (one
 * per core by default); if that fails (no worker binary: the npm package's build script does
 * not run here, see docs/decisions.md "Video") the service runs in `p2p` mode: calls are 1:1
 * peer-to-peer WebRTC over the same signaling. A worker that dies is replaced first, then the
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
    const wanted = this.config.MEDIASOUP_WORKERS || cpus().length || 1;
    try {
      // mediasoup reads MEDIASOUP_WORKER_BIN once, when it is loaded.
      if (this.config.MEDIASOUP_WORKER_BIN)
        process.env.MEDIASOUP_WORKER_BIN = this.config.MEDIASOUP_WORKER_BIN;
      this.mediasoup = await import('mediasoup');
      for (let n = 0; n < wanted; n++) this.workers.push(await this.createWorker());
      this.logger.log(`mediasoup: ${this.workers.length} worker(s) up; calls use the SFU`);
    } catch (error) {
      for (const worker of this.workers) worker.close();
      this.workers = [];
      this.reason = (error as Error).message;
      this.logger.warn(
        `mediasoup worker unavailable: ${this.reason}; calls use peer-to-peer. ` +
          'Set MEDIASOUP_WORKER_BIN or build the worker, see deploy/README.md',
      );
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
    const worker = await this.mediasoup!.createWorker({ logLevel: 'warn' });
    worker.on('died', (error) => void this.replace(worker, error));
    return worker;
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
