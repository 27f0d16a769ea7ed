import { AnswerCache } from './answer-cache';

const forever = () => Number.POSITIVE_INFINITY;

function cacheWith(options: Partial<{ entries: number; settleMs: number }> = {}) {
  return new AnswerCache<number>({ entries: 100, settleMs: 0, ...options });
}

describe('AnswerCache', () => {
  it('drops only the invalidated scope', async () => {
    const cache = cacheWith();
    await cache.answer('x1', 'doctor-x', async () => 1, forever);
    await cache.answer('y1', 'doctor-y', async () => 2, forever);
    cache.invalidate('doctor-x');
    expect(await cache.answer('x1', 'doctor-x', async () => 10, forever)).toBe(10);
    expect(await cache.answer('y1', 'doctor-y', async () => 20, forever)).toBe(2);
  });

  it('drops every scope when invalidated without one', async () => {
    const cache = cacheWith();
    await cache.answer('x1', 'doctor-x', async () => 1, forever);
    await cache.answer('y1', 'doctor-y', async () => 2, forever);
    cache.invalidate();
    expect(await cache.answer('x1', 'doctor-x', async () => 10, forever)).toBe(10);
    expect(await cache.answer('y1', 'doctor-y', async () => 20, forever)).toBe(20);
  });

  it('does not store an answer asked for before its scope changed, but does for other scopes', async () => {
    const cache = cacheWith();
    let finishX!: (value: number) => void;
    let finishY!: (value: number) => void;
    const pendingX = cache.answer(
      'x1',
      'doctor-x',
      () => new Promise((resolve) => (finishX = resolve)),
      forever,
    );
    const pendingY = cache.answer(
      'y1',
      'doctor-y',
      () => new Promise((resolve) => (finishY = resolve)),
      forever,
    );
    cache.invalidate('doctor-x');
    finishX(1);
    finishY(2);
    expect(await pendingX).toBe(1);
    expect(await pendingY).toBe(2);
    expect(await cache.answer('x1', 'doctor-x', async () => 10, forever)).toBe(10);
    expect(await cache.answer('y1', 'doctor-y', async () => 20, forever)).toBe(2);
  });

  it('stores nothing of a scope while it settles', async () => {
    const cache = cacheWith({ settleMs: 60_000 });
    cache.invalidate('doctor-x');
    await cache.answer('x1', 'doctor-x', async () => 1, forever);
    expect(await cache.answer('x1', 'doctor-x', async () => 2, forever)).toBe(2);
    await cache.answer('y1', 'doctor-y', async () => 3, forever);
    expect(await cache.answer('y1', 'doctor-y', async () => 4, forever)).toBe(3);
  });

  it('asks again once an answer expires', async () => {
    const cache = cacheWith();
    await cache.answer(
      'x1',
      'doctor-x',
      async () => 1,
      (_answer, now) => now - 1,
    );
    expect(await cache.answer('x1', 'doctor-x', async () => 2, forever)).toBe(2);
  });

  it('drops the oldest answer when full, and forgets it in its scope too', async () => {
    const cache = cacheWith({ entries: 2 });
    for (const key of ['a', 'b', 'c']) await cache.answer(key, 'doctor-x', async () => 1, forever);
    const ask = jest.fn().mockResolvedValue(9);
    await cache.answer('a', 'doctor-x', ask, forever);
    await cache.answer('c', 'doctor-x', ask, forever);
    expect(ask).toHaveBeenCalledTimes(1);
    cache.invalidate('doctor-x');
    await cache.answer('c', 'doctor-x', ask, forever);
    expect(ask).toHaveBeenCalledTimes(2);
  });
});
