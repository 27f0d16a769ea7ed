import type { NatsConnection } from 'nats';
import type { AppointmentServiceConfig } from '../config/appointment-service.config';
import type { Availability } from './availability.schema';
import { ScheduleCache } from './schedule-cache';

const scheduleOf = (doctorId: string) =>
  ({
    _id: doctorId,
    timezone: 'Asia/Kolkata',
    slotMinutes: 30,
    weekly: [],
    exceptions: [],
  }) as unknown as Availability;

/** Stores `published` doctors' schedules and records each read's doctors. */
const storeOf = (published: string[]) => {
  const reads: string[][] = [];
  const readMany = async (doctorIds: string[]) => {
    reads.push(doctorIds);
    return new Map(doctorIds.filter((id) => published.includes(id)).map((id) => [id, scheduleOf(id)]));
  };
  return { reads, readMany };
};

const cacheWithTtl = (seconds: number) =>
  new ScheduleCache(
    {} as NatsConnection,
    { SCHEDULE_CACHE_TTL_SECONDS: seconds } as AppointmentServiceConfig,
  );

describe('ScheduleCache.schedulesOf', () => {
  it('reads the doctors it does not keep in one query, answers in their order, and keeps what it read', async () => {
    const cache = cacheWithTtl(60);
    const store = storeOf(['a', 'b', 'c']);
    const first = await cache.schedulesOf(['a', 'b', 'none'], store.readMany);
    expect(first.map((schedule) => schedule?._id ?? null)).toEqual(['a', 'b', null]);
    expect(store.reads).toEqual([['a', 'b', 'none']]);

    const second = await cache.schedulesOf(['c', 'b', 'a', 'none'], store.readMany);
    expect(second.map((schedule) => schedule?._id ?? null)).toEqual(['c', 'b', 'a', null]);
    // a and b were kept; a doctor with no schedule is asked again.
    expect(store.reads).toEqual([
      ['a', 'b', 'none'],
      ['c', 'none'],
    ]);
  });

  it('reads every time, still in one query, with the cache off', async () => {
    const cache = cacheWithTtl(0);
    const store = storeOf(['a', 'b']);
    await cache.schedulesOf(['a', 'b'], store.readMany);
    await cache.schedulesOf(['a', 'b'], store.readMany);
    expect(store.reads).toEqual([
      ['a', 'b'],
      ['a', 'b'],
    ]);
  });

  it('shares a read in flight with a request made meanwhile, and lets every waiter see a failure', async () => {
    const cache = cacheWithTtl(60);
    const store = storeOf(['a', 'b']);
    const [one, two] = await Promise.all([
      cache.schedulesOf(['a', 'b'], store.readMany),
      cache.schedulesOf(['b'], store.readMany),
    ]);
    expect(one.map((schedule) => schedule?._id)).toEqual(['a', 'b']);
    expect(two.map((schedule) => schedule?._id)).toEqual(['b']);
    expect(store.reads).toEqual([['a', 'b']]);

    const failing = async (): Promise<Map<string, Availability>> => {
      throw new Error('database gone');
    };
    await expect(cache.schedulesOf(['x', 'y'], failing)).rejects.toThrow('database gone');
    // Nothing of the failure is kept.
    const store2 = storeOf(['x']);
    expect((await cache.schedulesOf(['x'], store2.readMany))[0]?._id).toBe('x');
  });
});
