import { SocketAckError } from './socket-acks';
import { SocketRateLimiter } from './socket-rate-limiter';

describe('SocketRateLimiter', () => {
  let now: number;
  const limiter = (): SocketRateLimiter => new SocketRateLimiter({ 'chat:send': 3 }, 10_000, () => now);
  const refusal = (take: () => void): unknown => {
    try {
      take();
    } catch (error) {
      return error instanceof SocketAckError ? error.ack : error;
    }
    return undefined;
  };

  beforeEach(() => {
    now = 1_000_000;
  });

  it('allows the limit per sliding window, then refuses with rate_limited', () => {
    const limits = limiter();
    const socket = {};
    for (let n = 0; n < 3; n++) limits.take(socket, 'chat:send');

    expect(refusal(() => limits.take(socket, 'chat:send'))).toEqual({
      error: 'rate_limited',
      message: 'Too many chat:send events: at most 3 per 10 s; please slow down.',
    });
    now += 9_999;
    expect(refusal(() => limits.take(socket, 'chat:send'))).toMatchObject({ error: 'rate_limited' });
    now += 1;
    expect(refusal(() => limits.take(socket, 'chat:send'))).toBeUndefined();
  });

  it('counts per socket and per event; unlisted events are not limited', () => {
    const limits = limiter();
    const [first, second] = [{}, {}];
    for (let n = 0; n < 3; n++) limits.take(first, 'chat:send');

    expect(refusal(() => limits.take(second, 'chat:send'))).toBeUndefined();
    for (let n = 0; n < 10; n++) expect(refusal(() => limits.take(first, 'chat:join'))).toBeUndefined();
  });
});
