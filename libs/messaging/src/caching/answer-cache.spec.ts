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

  it('shows a kept answer without asking, and tells of each answer that goes', async () => {
    const gone: string[] = [];
    const cache = new AnswerCache<number>({ entries: 2, settleMs: 0, forgotten: (key) => gone.push(key) });
    const soon = (_answer: number, now: number) => now + 50;
    await cache.answer('a', 'doctor-x', async () => 1, forever);
    await cache.answer('b', 'doctor-y', async () => 2, soon);
    expect([cache.kept('a'), cache.kept('b'), cache.kept('c')]).toEqual([1, 2, undefined]);
    cache.invalidate('doctor-x');
    expect(gone).toEqual(['a']);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(cache.kept('b')).toBeUndefined();
    expect(gone).toEqual(['a', 'b']);
    for (const key of ['c', 'd', 'e']) await cache.answer(key, 'doctor-z', async () => 3, forever);
    expect(gone).toEqual(['a', 'b', 'c']);
    cache.invalidate();
    expect(gone.sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(cache.kept('e')).toBeUndefined();
  });

  describe('misses of one key at once', () => {
    /** An ask the test finishes (or fails) when it chooses. */
    function heldAsk() {
      let finish!: (value: number) => void;
      let fail!: (error: Error) => void;
      const ask = jest.fn(
        () =>
          new Promise<number>((resolve, reject) => {
            finish = resolve;
            fail = reject;
          }),
      );
      return { ask, finish: (value: number) => finish(value), fail: (error: Error) => fail(error) };
    }

    it('are asked once: the second waits for the first ask', async () => {
      const cache = cacheWith();
      const held = heldAsk();
      const first = cache.answer('x1', 'doctor-x', held.ask, forever);
      const second = cache.answer('x1', 'doctor-x', held.ask, forever);
      held.finish(1);
      expect(await Promise.all([first, second])).toEqual([1, 1]);
      expect(held.ask).toHaveBeenCalledTimes(1);
    });

    it('are asked again after an invalidation, of any scope, since the first ask began', async () => {
      const cache = cacheWith();
      const held = heldAsk();
      const first = cache.answer('x1', 'doctor-x', held.ask, forever);
      cache.invalidate('doctor-y');
      const second = cache.answer('x1', 'doctor-x', async () => 2, forever);
      held.finish(1);
      expect(await first).toBe(1);
      expect(await second).toBe(2);
      expect(held.ask).toHaveBeenCalledTimes(1);
      // A third request waits for the second's ask, not the first's: it was stored.
      expect(await cache.answer('x1', 'doctor-x', async () => 3, forever)).toBe(2);
    });

    it('waits for the latest ask once an invalidation made a request ask again', async () => {
      const cache = cacheWith();
      const before = heldAsk();
      const after = heldAsk();
      const first = cache.answer('x1', 'doctor-x', before.ask, forever);
      cache.invalidate('doctor-x');
      const second = cache.answer('x1', 'doctor-x', after.ask, forever);
      const third = cache.answer('x1', 'doctor-x', async () => 9, forever);
      // The first ask ending does not take the second's place in flight away.
      before.finish(1);
      expect(await first).toBe(1);
      const fourth = cache.answer('x1', 'doctor-x', async () => 9, forever);
      after.finish(2);
      expect(await Promise.all([second, third, fourth])).toEqual([2, 2, 2]);
    });

    it('share a failure with the waiters, and the next request asks again', async () => {
      const cache = cacheWith();
      const held = heldAsk();
      const first = cache.answer('x1', 'doctor-x', held.ask, forever);
      const second = cache.answer('x1', 'doctor-x', held.ask, forever);
      const failure = new Error('doctor-service did not answer');
      held.fail(failure);
      await expect(first).rejects.toBe(failure);
      await expect(second).rejects.toBe(failure);
      expect(held.ask).toHaveBeenCalledTimes(1);
      expect(await cache.answer('x1', 'doctor-x', async () => 2, forever)).toBe(2);
    });

    it('share an answer that is not stored only with requests already waiting', async () => {
      const cache = cacheWith();
      const held = heldAsk();
      const atOnce = (_answer: number, now: number) => now;
      const first = cache.answer('x1', 'doctor-x', held.ask, atOnce);
      const second = cache.answer('x1', 'doctor-x', held.ask, atOnce);
      held.finish(1);
      expect(await Promise.all([first, second])).toEqual([1, 1]);
      expect(await cache.answer('x1', 'doctor-x', async () => 2, atOnce)).toBe(2);
    });

    it('fail the waiters too when the ask throws before it is a promise', async () => {
      const cache = cacheWith();
      const failure = new Error('no connection');
      const throwing = () => {
        throw failure;
      };
      await expect(cache.answer('x1', 'doctor-x', throwing, forever)).rejects.toBe(failure);
      expect(await cache.answer('x1', 'doctor-x', async () => 2, forever)).toBe(2);
    });
  });
});
