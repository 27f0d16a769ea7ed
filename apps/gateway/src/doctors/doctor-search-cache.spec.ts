import type { NatsConnection } from 'nats';
import type { DoctorSummary, Page } from '@arogyam/contracts';
import { GatewayConfig } from '../config/gateway.config';
import { DoctorSearchCache } from './doctor-search-cache';

/** A NATS connection that only delivers what the test publishes on the directory subject. */
function fakeConnection(): { connection: NatsConnection; changed: () => void } {
  // Called as nats.js calls a subscription's callback: (error, message).
  let deliver: ((error: null, message: { data: Uint8Array }) => void) | undefined;
  const connection = {
    subscribe: (_subject: string, options: { callback: typeof deliver }) => {
      deliver = options.callback;
      return { unsubscribe: () => undefined };
    },
    status: () => ({ [Symbol.asyncIterator]: () => ({ next: () => new Promise(() => undefined) }) }),
  } as unknown as NatsConnection;
  return { connection, changed: () => deliver?.(null, { data: new Uint8Array() }) };
}

const page = (total: number): Page<DoctorSummary> => ({ items: [], total, page: 1, limit: 12 });

function cacheWith(overrides: Partial<GatewayConfig> = {}) {
  const config = Object.assign(new GatewayConfig(), { DOCTOR_SEARCH_CACHE_SETTLE_MS: 0, ...overrides });
  const { connection, changed } = fakeConnection();
  const cache = new DoctorSearchCache(connection, config);
  cache.onModuleInit();
  return { cache, changed };
}

describe('DoctorSearchCache', () => {
  it('answers a repeated query from memory and a different one from the service', async () => {
    const { cache } = cacheWith();
    const search = jest.fn().mockResolvedValue(page(3));
    expect(await cache.answer({ city: 'Pune' }, search)).toEqual(page(3));
    expect(await cache.answer({ city: 'Pune' }, search)).toEqual(page(3));
    expect(search).toHaveBeenCalledTimes(1);
    await cache.answer({ city: 'Kochi' }, search);
    expect(search).toHaveBeenCalledTimes(2);
  });

  it('forgets everything when a listing changes', async () => {
    const { cache, changed } = cacheWith();
    await cache.answer({ city: 'Pune' }, async () => page(1));
    changed();
    expect(await cache.answer({ city: 'Pune' }, async () => page(2))).toEqual(page(2));
  });

  it('does not keep an answer that was asked for before a change arrived', async () => {
    const { cache, changed } = cacheWith();
    let finish!: (answer: Page<DoctorSummary>) => void;
    const pending = cache.answer({ q: 'iy' }, () => new Promise((resolve) => (finish = resolve)));
    changed();
    finish(page(1));
    expect(await pending).toEqual(page(1));
    expect(await cache.answer({ q: 'iy' }, async () => page(2))).toEqual(page(2));
  });

  it('stores nothing while the instances settle after a change', async () => {
    const { cache, changed } = cacheWith({ DOCTOR_SEARCH_CACHE_SETTLE_MS: 60_000 });
    changed();
    await cache.answer({ city: 'Pune' }, async () => page(1));
    expect(await cache.answer({ city: 'Pune' }, async () => page(2))).toEqual(page(2));
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
