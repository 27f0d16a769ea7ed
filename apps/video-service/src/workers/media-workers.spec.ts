import { EventEmitter } from 'node:events';
import type { types as ms } from 'mediasoup';
import { VideoServiceConfig } from '../config/video-service.config';
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
jest.mock('mediasoup', () => ({
  createWorker: async () => {
    if (spawnFails) throw new Error('spawn mediasoup-worker ENOENT');
    const worker = new FakeWorker(nextPid++);
    FakeWorker.started.push(worker);
    return worker;
  },
}));

const config = (workers: number): VideoServiceConfig =>
  Object.assign(new VideoServiceConfig(), { MEDIASOUP_WORKERS: workers });

describe('MediaWorkers', () => {
  beforeEach(() => {
    FakeWorker.started = [];
    spawnFails = false;
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
});
