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

  it('files an answer of several scopes under each, read from the answer', async () => {
    const cache = cacheWith();
    const scopesOf = (answer: number) => (answer === 1 ? ['doctor-1', 'doctor-z'] : [`doctor-${answer}`]);
    const page = (key: string, value: number) => cache.answer(key, scopesOf, async () => value, forever);
    await page('page-1', 1);
    await page('page-2', 2);
    cache.invalidate('doctor-1');
    expect(await page('page-1', 9)).toBe(9);
    expect(await page('page-2', 20)).toBe(2);
    // Dropped through one scope, the old answer is forgotten in its others: invalidating those
    // does not drop what is stored under its key since.
    cache.invalidate('doctor-z');
    expect(await page('page-1', 10)).toBe(9);
    cache.invalidate('doctor-9');
    expect(await page('page-1', 11)).toBe(11);
  });

  it('does not store an answer if any of its scopes changed while it was asked for', async () => {
    const cache = cacheWith();
    const scopes = () => ['search', 'doctor-x'];
    let finish!: (value: number) => void;
    const pending = cache.answer(
      'page-1',
      scopes,
      () => new Promise((resolve) => (finish = resolve)),
      forever,
    );
    cache.invalidate('doctor-x');
    finish(1);
    expect(await pending).toBe(1);
    expect(await cache.answer('page-1', scopes, async () => 2, forever)).toBe(2);
  });

  it('does not store an answer that expires at once', async () => {
    const cache = cacheWith({ entries: 1 });
    const atOnce = (_answer: number, now: number) => now;
    await cache.answer('kept', 'doctor-x', async () => 1, forever);
    await cache.answer('at-once', 'doctor-x', async () => 2, atOnce);
    // The kept answer was not pushed out to make room for it.
    expect(await cache.answer('kept', 'doctor-x', async () => 3, forever)).toBe(1);
  });

  it('invalidates the caches it feeds, after itself', async () => {
    const source = cacheWith();
    const dependent = cacheWith({ settleMs: 60_000 });
    source.feeds(dependent as AnswerCache<unknown>);
    const page = (key: string, doctor: string, value: number) =>
      dependent.answer(
        key,
        () => ['search', doctor],
        async () => value,
        forever,
      );
    await source.answer('x1', 'doctor-x', async () => 1, forever);
    await page('page', 'doctor-x', 10);
    await page('other', 'doctor-y', 20);
    source.invalidate('doctor-x');
    expect(await page('page', 'doctor-x', 11)).toBe(11);
    expect(await page('other', 'doctor-y', 21)).toBe(20);
    // With the dependent's own settle time: the answer just made was not stored.
    expect(await page('page', 'doctor-x', 12)).toBe(12);
    source.invalidate();
    expect(await page('other', 'doctor-y', 22)).toBe(22);
  });
});
