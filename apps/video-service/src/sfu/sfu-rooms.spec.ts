import type { types as ms } from 'mediasoup';
import type { VideoPushEvent } from '@arogyam/contracts';
import { VideoServiceConfig } from '../config/video-service.config';
import type { CallPush } from '../realtime/call-push';
import type { MediaWorkers } from '../workers/media-workers';
import { SfuRooms } from './sfu-rooms';

/** A mediasoup worker as far as its routers go: it dies by closing them all. */
class FakeWorker {
  readonly routers: { closed: boolean; worker: FakeWorker }[] = [];
  constructor(readonly pid: number) {}

  createRouter(): ms.Router {
    const router = {
      closed: false,
      worker: this,
      rtpCapabilities: { codecs: [], headerExtensions: [], worker: this.pid },
      close() {
        router.closed = true;
      },
    };
    this.routers.push(router);
    return router as unknown as ms.Router;
  }

  die(): void {
    for (const router of this.routers) router.closed = true;
  }
}

/** MediaWorkers with fake workers, round robin; `kill` replaces a worker and runs the died listeners. */
function fakeWorkers(...initial: FakeWorker[]) {
  let workers = [...initial];
  let next = 0;
  const listeners: (() => Promise<void> | void)[] = [];
  const fake = {
    mode: 'sfu',
    createRouter: async () => workers[next++ % workers.length].createRouter(),
    onWorkerDied: (listener: () => Promise<void> | void) => listeners.push(listener),
  };
  return {
    media: fake as unknown as MediaWorkers,
    async kill(dead: FakeWorker, replacement: FakeWorker) {
      dead.die();
      workers = workers.map((worker) => (worker === dead ? replacement : worker));
      for (const listener of listeners) await listener();
    },
  };
}

function recordingPush() {
  const pushed: { userId: string; event: VideoPushEvent; data: unknown }[] = [];
  const push = {
    to: (userId: string, event: VideoPushEvent, data: unknown) => pushed.push({ userId, event, data }),
  };
  return { push: push as unknown as CallPush, pushed };
}

const workerOf = (capabilities: unknown): number => (capabilities as { worker: number }).worker;

describe('SfuRooms after a worker died', () => {
  it('gives the rooms on the dead worker new routers on live workers and asks both participants to rejoin', async () => {
    const [first, second, replacement] = [new FakeWorker(101), new FakeWorker(102), new FakeWorker(103)];
    const workers = fakeWorkers(first, second);
    const { push, pushed } = recordingPush();
    const rooms = new SfuRooms(workers.media, push, new VideoServiceConfig());
    rooms.onModuleInit();

    const onFirst = await rooms.open('appt-1', ['doctor-1', 'patient-1']);
    const onSecond = await rooms.open('appt-2', ['doctor-2', 'patient-2']);
    expect([workerOf(onFirst.rtpCapabilities), workerOf(onSecond.rtpCapabilities)]).toEqual([101, 102]);
    // Two joins at once share one router.
    const [a, b] = await Promise.all([
      rooms.open('appt-3', ['doctor-3', 'patient-3']),
      rooms.open('appt-3', ['doctor-3', 'patient-3']),
    ]);
    expect(a).toBe(b);
    expect(workerOf(a.rtpCapabilities)).toBe(101);

    await workers.kill(first, replacement);

    expect(rooms.get('appt-1')).toBe(onFirst);
    expect(onFirst.closed).toBe(false);
    // New routers on live workers (the fake's round robin picks which); the other room untouched.
    expect([102, 103]).toContain(workerOf(onFirst.rtpCapabilities));
    expect([102, 103]).toContain(workerOf(a.rtpCapabilities));
    expect(replacement.routers.length).toBeGreaterThan(0);
    expect(onSecond.closed).toBe(false);
    expect(workerOf(onSecond.rtpCapabilities)).toBe(102);
    expect(pushed).toEqual(
      ['doctor-1', 'patient-1', 'doctor-3', 'patient-3'].map((userId) => ({
        userId,
        event: 'rtc:rejoin',
        data: { appointmentId: userId.endsWith('1') ? 'appt-1' : 'appt-3', reason: 'media_restarted' },
      })),
    );
  });

  it('after VIDEO_SFU_MAX_RESTARTS deaths under one room, the room goes peer-to-peer until it closes', async () => {
    const workers = [new FakeWorker(301), new FakeWorker(302), new FakeWorker(303)];
    const fake = fakeWorkers(workers[0]);
    const { push, pushed } = recordingPush();
    const rooms = new SfuRooms(
      fake.media,
      push,
      Object.assign(new VideoServiceConfig(), { VIDEO_SFU_MAX_RESTARTS: 2 }),
    );
    rooms.onModuleInit();
    const room = await rooms.open('appt-5', ['doctor-5', 'patient-5']);

    await fake.kill(workers[0], workers[1]);
    expect(rooms.get('appt-5')).toBe(room);
    expect(workerOf(room.rtpCapabilities)).toBe(302);

    await fake.kill(workers[1], workers[2]);
    expect(rooms.get('appt-5')).toBeUndefined();
    // Its participants are told to rejoin each time; the second rejoin finds no router for them.
    expect(pushed.filter((p) => p.event === 'rtc:rejoin')).toHaveLength(4);
    await expect(rooms.open('appt-5', ['doctor-5', 'patient-5'])).rejects.toThrow('died 2 times');
    // Other rooms still use the SFU, and a new call in this room starts on it again.
    expect(workerOf((await rooms.open('appt-6', ['doctor-6', 'patient-6'])).rtpCapabilities)).toBe(303);
    rooms.close('appt-5');
    expect(workerOf((await rooms.open('appt-5', ['doctor-5', 'patient-5'])).rtpCapabilities)).toBe(303);
  });

  it('drops a room that cannot get a new router, and still tells both to rejoin (they get p2p)', async () => {
    const only = new FakeWorker(201);
    const listeners: (() => Promise<void> | void)[] = [];
    let alive = true;
    const media = {
      mode: 'sfu',
      createRouter: async () => {
        if (!alive) throw new Error('no mediasoup worker');
        return only.createRouter();
      },
      onWorkerDied: (listener: () => Promise<void> | void) => listeners.push(listener),
    } as unknown as MediaWorkers;
    const { push, pushed } = recordingPush();
    const rooms = new SfuRooms(media, push, new VideoServiceConfig());
    rooms.onModuleInit();
    await rooms.open('appt-9', ['doctor-9', 'patient-9']);

    only.die();
    alive = false;
    for (const listener of listeners) await listener();

    expect(rooms.get('appt-9')).toBeUndefined();
    expect(pushed.map((p) => [p.userId, p.event])).toEqual([
      ['doctor-9', 'rtc:rejoin'],
      ['patient-9', 'rtc:rejoin'],
    ]);
  });
});
