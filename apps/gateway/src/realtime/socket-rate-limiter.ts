import { SocketAckError } from './socket-acks';

export const SOCKET_RATE_WINDOW_MS = 10_000;

/** How many of each event one socket may send per window (docs/api.md, "Realtime"). */
export const SOCKET_RATE_LIMITS: Readonly<Record<string, number>> = {
  'chat:join': 20,
  'chat:send': 20,
  'chat:typing': 40,
  'chat:read': 40,
};

/**
 * Sliding-window limits per socket and event. Each socket keeps the times of its recent events,
 * held in a WeakMap so they go with the socket; a refused event does not count.
 */
export class SocketRateLimiter {
  private readonly recent = new WeakMap<object, Map<string, number[]>>();

  constructor(
    private readonly limits: Readonly<Record<string, number>> = SOCKET_RATE_LIMITS,
    private readonly windowMs = SOCKET_RATE_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one `event` for the socket, or throws the `rate_limited` error ack. */
  take(socket: object, event: string): void {
    const limit = this.limits[event];
    if (limit === undefined) return;
    let events = this.recent.get(socket);
    if (!events) this.recent.set(socket, (events = new Map()));
    const now = this.now();
    const times = (events.get(event) ?? []).filter((time) => time > now - this.windowMs);
    if (times.length >= limit) {
      events.set(event, times);
      throw new SocketAckError({
        error: 'rate_limited',
        message: `Too many ${event} events: at most ${limit} per ${this.windowMs / 1000} s; please slow down.`,
      });
    }
    times.push(now);
    events.set(event, times);
  }
}
