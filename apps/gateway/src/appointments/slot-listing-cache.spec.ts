import { gunzipSync } from 'node:zlib';
import { DOCTOR_SLOTS_CHANGED, type SlotListView } from '@arogyam/contracts';
import { noticeConnection } from '../../test/notice-connection';
import { GatewayConfig } from '../config/gateway.config';
import { SlotListingCache } from './slot-listing-cache';

const range = { from: '2026-12-01T00:00:00.000Z', to: '2026-12-02T00:00:00.000Z' };

const listing = (...starts: number[]): SlotListView => ({
  slots: starts.map((start) => ({
    startAt: new Date(start).toISOString(),
    endAt: new Date(start + 1_800_000).toISOString(),
    available: true,
  })),
});

function cacheWith(overrides: Partial<GatewayConfig> = {}) {
  const config = Object.assign(new GatewayConfig(), { SLOT_LISTING_CACHE_SETTLE_MS: 0, ...overrides });
  const { connection, notice } = noticeConnection();
  const cache = new SlotListingCache(connection, config);
  cache.onModuleInit();
  return { cache, notice: (payload: unknown) => notice(DOCTOR_SLOTS_CHANGED, payload) };
}

describe('SlotListingCache', () => {
  const later = Date.now() + 3_600_000;

  it("answers a repeated listing from memory until that doctor's slots change", async () => {
    const { cache, notice } = cacheWith();
    const list = jest.fn().mockResolvedValue(listing(later));
    await cache.answer('doctor-x', range, list);
    await cache.answer('doctor-x', range, list);
    expect(list).toHaveBeenCalledTimes(1);
    notice({ doctorId: 'doctor-y' });
    await cache.answer('doctor-x', range, list);
    expect(list).toHaveBeenCalledTimes(1);
    notice({ doctorId: 'doctor-x' });
    await cache.answer('doctor-x', range, list);
    expect(list).toHaveBeenCalledTimes(2);
  });

  it('drops everything on a notice that names no doctor', async () => {
    const { cache, notice } = cacheWith();
    const list = jest.fn().mockResolvedValue(listing(later));
    await cache.answer('doctor-x', range, list);
    notice({});
    await cache.answer('doctor-x', range, list);
    expect(list).toHaveBeenCalledTimes(2);
  });

  it('keeps a listing only until its next slot starts, when that slot stops being available', async () => {
    const { cache } = cacheWith();
    const list = jest.fn().mockResolvedValue(listing(Date.now() - 60_000, Date.now() + 300));
    await cache.answer('doctor-x', range, list);
    await cache.answer('doctor-x', range, list);
    expect(list).toHaveBeenCalledTimes(1);
    await new Promise((resolve) => setTimeout(resolve, 350));
    await cache.answer('doctor-x', range, list);
    expect(list).toHaveBeenCalledTimes(2);
  });

  it('answers with the JSON of the listing, and its gzip', async () => {
    const { cache } = cacheWith();
    const answer = listing(later);
    const sent = await cache.answer('doctor-x', range, async () => answer);
    expect(JSON.parse(sent.json.toString('utf8'))).toEqual(answer);
    expect(JSON.parse(gunzipSync(sent.gzip()).toString('utf8'))).toEqual(answer);
  });

  it('is off with a zero expiry', async () => {
    const { cache } = cacheWith({ SLOT_LISTING_CACHE_TTL_SECONDS: 0 });
    const list = jest.fn().mockResolvedValue(listing(later));
    await cache.answer('doctor-x', range, list);
    await cache.answer('doctor-x', range, list);
    expect(list).toHaveBeenCalledTimes(2);
  });
});
