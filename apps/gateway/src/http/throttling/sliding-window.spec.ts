import { slidingCount } from './sliding-window';

const MINUTE = 60_000;

describe('slidingCount', () => {
  it('counts the running window alone once the previous one is out of reach', () => {
    expect(slidingCount({ current: 3, previous: 0, elapsedMs: 15_000, windowMs: MINUTE }, 5)).toEqual({
      hits: 3,
      secondsLeft: 45,
    });
  });

  it('refuses the burst right after a window that used the whole limit', () => {
    // Five just before the minute turned, one just after: six in a few seconds.
    const justAfter = slidingCount({ current: 1, previous: 5, elapsedMs: 2_000, windowMs: MINUTE }, 5);
    expect(justAfter.hits).toBe(5);
    const next = slidingCount({ current: 2, previous: 5, elapsedMs: 3_000, windowMs: MINUTE }, 5);
    expect(next.hits).toBe(6);
    // Room again once the previous five weigh less than three: after 24 s of this window.
    expect(next.secondsLeft).toBe(21);
  });

  it('lets the previous window fade: half of it counts halfway through', () => {
    expect(slidingCount({ current: 2, previous: 6, elapsedMs: 30_000, windowMs: MINUTE }, 5).hits).toBe(5);
  });

  it('says when one more fits when this window alone is over the limit', () => {
    // Ten of a limit of five, halfway: the next window must lose half of them first.
    const over = slidingCount({ current: 10, previous: 0, elapsedMs: 30_000, windowMs: MINUTE }, 5);
    expect(over).toEqual({ hits: 10, secondsLeft: 60 });
  });

  it('never answers less than a second to wait when refusing', () => {
    // Room again in 0.6 ms: a Retry-After of 0 would invite a retry at once.
    const over = slidingCount({ current: 1, previous: 100_000, elapsedMs: 0, windowMs: MINUTE }, 100_000);
    expect(over).toEqual({ hits: 100_001, secondsLeft: 1 });
  });
});
