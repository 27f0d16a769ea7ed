import {
  DOCTOR_DIRECTORY_CHANGED,
  DOCTOR_FREE_TIMES_CHANGED,
  type DoctorSummary,
  type Page,
} from '@arogyam/contracts';
import { noticeConnection } from '../../test/notice-connection';
import { GatewayConfig } from '../config/gateway.config';
import { DoctorSearchCache } from './doctor-search-cache';

const page = (total: number): Page<DoctorSummary> => ({ items: [], total, page: 1, limit: 12 });

function cacheWith(overrides: Partial<GatewayConfig> = {}) {
  const config = Object.assign(new GatewayConfig(), { DOCTOR_SEARCH_CACHE_SETTLE_MS: 0, ...overrides });
  const { connection, notice } = noticeConnection();
  const cache = new DoctorSearchCache(connection, config);
  cache.onModuleInit();
  return { cache, changed: (subject = DOCTOR_DIRECTORY_CHANGED) => notice(subject) };
}

describe('DoctorSearchCache', () => {
  it('answers a repeated query from memory and a different one from the service', async () => {
    const { cache } = cacheWith();
    const search = jest.fn().mockResolvedValue(page(3));
    expect((await cache.answer({ city: 'Pune' }, search)).page).toEqual(page(3));
    expect((await cache.answer({ city: 'Pune' }, search)).page).toEqual(page(3));
    expect(search).toHaveBeenCalledTimes(1);
    await cache.answer({ city: 'Kochi' }, search);
    expect(search).toHaveBeenCalledTimes(2);
  });

  it('forgets everything when a listing changes', async () => {
    const { cache, changed } = cacheWith();
    await cache.answer({ city: 'Pune' }, async () => page(1));
    changed();
    expect((await cache.answer({ city: 'Pune' }, async () => page(2))).page).toEqual(page(2));
  });

  it('keys on every filter and order', async () => {
    const { cache } = cacheWith();
    const search = jest.fn().mockResolvedValue(page(3));
    for (const query of [
      { city: 'Pune' },
      { city: 'Pune', minFee: 30000 },
      { city: 'Pune', maxFee: 30000 },
      { city: 'Pune', gender: 'female' as const },
      { city: 'Pune', sort: 'fee' as const },
      { city: 'Pune', available: 'today' as const, tz: 'Asia/Kolkata' },
      { city: 'Pune', available: 'today' as const, tz: 'America/New_York' },
    ])
      await cache.answer(query, search);
    expect(search).toHaveBeenCalledTimes(7);
  });

  it('drops only the answers that depend on free times when a first free slot changes', async () => {
    const { cache, changed } = cacheWith();
    await cache.answer({ city: 'Pune' }, async () => page(1));
    await cache.answer({ city: 'Pune', sort: 'soonest' }, async () => page(1));
    await cache.answer({ city: 'Pune', available: 'week' }, async () => page(1));
    changed(DOCTOR_FREE_TIMES_CHANGED);
    expect((await cache.answer({ city: 'Pune' }, async () => page(2))).page).toEqual(page(1));
    expect((await cache.answer({ city: 'Pune', sort: 'soonest' }, async () => page(2))).page).toEqual(
      page(2),
    );
    expect((await cache.answer({ city: 'Pune', available: 'week' }, async () => page(2))).page).toEqual(
      page(2),
    );
    // A listing change drops those too.
    changed();
    expect((await cache.answer({ city: 'Pune', sort: 'soonest' }, async () => page(3))).page).toEqual(
      page(3),
    );
  });

  it('does not keep an answer that was asked for before a change arrived', async () => {
    const { cache, changed } = cacheWith();
    let finish!: (answer: Page<DoctorSummary>) => void;
    const pending = cache.answer({ q: 'iy' }, () => new Promise((resolve) => (finish = resolve)));
    changed();
    finish(page(1));
    expect((await pending).page).toEqual(page(1));
    expect((await cache.answer({ q: 'iy' }, async () => page(2))).page).toEqual(page(2));
  });

  it('says until when an answer may be used', async () => {
    const { cache } = cacheWith({ DOCTOR_SEARCH_CACHE_TTL_SECONDS: 30 });
    const before = Date.now();
    const first = await cache.answer({ city: 'Pune' }, async () => page(1));
    expect(first.keptUntil).toBeGreaterThanOrEqual(before + 30_000);
    expect(first.keptUntil).toBeLessThanOrEqual(Date.now() + 30_000);
    // A cached answer says when it was to expire, not a new expiry from now.
    expect((await cache.answer({ city: 'Pune' }, async () => page(2))).keptUntil).toBe(first.keptUntil);
  });

  it('stores nothing while the instances settle after a change', async () => {
    const { cache, changed } = cacheWith({ DOCTOR_SEARCH_CACHE_SETTLE_MS: 60_000 });
    changed();
    await cache.answer({ city: 'Pune' }, async () => page(1));
    expect((await cache.answer({ city: 'Pune' }, async () => page(2))).page).toEqual(page(2));
  });

  it('drops the oldest answer when full, and is off with a zero expiry', async () => {
    const { cache } = cacheWith({ DOCTOR_SEARCH_CACHE_ENTRIES: 2 });
    for (const city of ['A', 'B', 'C']) await cache.answer({ city }, async () => page(1));
    const search = jest.fn().mockResolvedValue(page(9));
    await cache.answer({ city: 'A' }, search);
    await cache.answer({ city: 'C' }, search);
    expect(search).toHaveBeenCalledTimes(1);

    const off = cacheWith({ DOCTOR_SEARCH_CACHE_TTL_SECONDS: 0 }).cache;
    const direct = jest.fn().mockResolvedValue(page(1));
    await off.answer({}, direct);
    await off.answer({}, direct);
    expect(direct).toHaveBeenCalledTimes(2);
  });
});
