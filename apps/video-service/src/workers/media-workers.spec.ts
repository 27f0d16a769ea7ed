import { EventEmitter } from 'node:events';
import type { types as ms } from 'mediasoup';
import { VideoServiceConfig, type VideoMediaSetting } from '../config/video-service.config';
import { MediaWorkers } from './media-workers';

/** A mediasoup worker process: it can make routers, and die (`died`, as mediasoup emits it). */
class FakeWorker extends EventEmitter {
  static started: FakeWorker[] = [];
  closed = false;
  readonly routers: string[] = [];
  constructor(readonly pid: number) {
    super();
  }
  async createRouter(): Promise<ms.Router> {
    this.routers.push(`router-${this.pid}-${this.routers.length}`);
    return { id: this.routers.at(-1) } as unknown as ms.Router;
  }
  close(): void {
    this.closed = true;
  }
}

let nextPid = 1000;
let spawnFails = false;
/** The settings each worker was created with. */
let settings: ms.WorkerSettings[] = [];
jest.mock('mediasoup', () => ({
  setLogEventListeners: () => undefined,
  createWorker: async (given: ms.WorkerSettings) => {
    settings.push(given);
    if (spawnFails) throw new Error('spawn mediasoup-worker ENOENT');
    const worker = new FakeWorker(nextPid++);
    FakeWorker.started.push(worker);
    return worker;
  },
}));

const config = (workers: number, media: VideoMediaSetting = 'auto'): VideoServiceConfig =>
  Object.assign(new VideoServiceConfig(), { MEDIASOUP_WORKERS: workers, VIDEO_MEDIA: media });

describe('MediaWorkers', () => {
  beforeEach(() => {
    FakeWorker.started = [];
    spawnFails = false;
    settings = [];
  });

  it('replaces a worker that died before telling the rooms, so their new routers land on the replacement', async () => {
    const workers = new MediaWorkers(config(2));
    await workers.onModuleInit();
    expect([workers.mode, workers.count]).toEqual(['sfu', 2]);
    const [dead, survivor] = FakeWorker.started;

    const seen: { count: number; router: string }[] = [];
    workers.onWorkerDied(async (worker) => {
      expect(worker).toBe(dead);
      // The replacement is already there when the listener asks for a router.
      const router = await workers.createRouter();
      seen.push({ count: workers.count, router: router.id });
    });
    dead.emit('died', new Error('killed'));
    await new Promise((resolve) => setImmediate(resolve));

    const replacement = FakeWorker.started[2];
    expect(workers.pids).toEqual([survivor.pid, replacement.pid]);
    expect(seen).toHaveLength(1);
    expect(seen[0].count).toBe(2);
    expect([...survivor.routers, ...replacement.routers]).toContain(seen[0].router);
    expect(dead.routers).toEqual([]);
    workers.onApplicationShutdown();
    expect(survivor.closed && replacement.closed).toBe(true);
  });

  it('a router asked for while the only worker is being replaced waits for the replacement', async () => {
    const workers = new MediaWorkers(config(1));
    await workers.onModuleInit();
    const [dead] = FakeWorker.started;
    dead.emit('died', new Error('killed'));
    const router = await workers.createRouter();
    expect(router.id).toBe(`router-${FakeWorker.started[1].pid}-0`);
    workers.onApplicationShutdown();
  });

  it('runs peer-to-peer with the reason when no worker can start', async () => {
    spawnFails = true;
    const workers = new MediaWorkers(config(1));
    await workers.onModuleInit();
    expect(workers.mode).toBe('p2p');
    expect(workers.unavailableReason).toBe('spawn mediasoup-worker ENOENT');
    await expect(workers.createRouter()).rejects.toThrow('no mediasoup worker');
  });

  it('with VIDEO_MEDIA=sfu a worker that cannot start stops the start instead of falling back', async () => {
    spawnFails = true;
    await expect(new MediaWorkers(config(1, 'sfu')).onModuleInit()).rejects.toThrow(
      'VIDEO_MEDIA=sfu but no mediasoup worker starts: spawn mediasoup-worker ENOENT',
    );
  });

  it('with VIDEO_MEDIA=p2p starts no worker, whatever binary there is', async () => {
    const workers = new MediaWorkers(config(2, 'p2p'));
    await workers.onModuleInit();
    expect([workers.mode, workers.count, workers.unavailableReason]).toEqual(['p2p', 0, 'VIDEO_MEDIA=p2p']);
    expect(settings).toEqual([]);
  });

  it('starts workers that log DTLS and ICE trouble', async () => {
    const workers = new MediaWorkers(config(1, 'sfu'));
    await workers.onModuleInit();
    expect(settings).toEqual([{ logLevel: 'warn', logTags: expect.arrayContaining(['dtls', 'ice']) }]);
    workers.onApplicationShutdown();
  });
});
