/**
 * What arrived while the previous arrivals were being handled, taken together by the next pass:
 * a pass takes everything waiting (up to `capacity`), so it grows with the backlog and never waits
 * for more than one. One producer puts, one consumer takes; the producer waits while it is full.
 */
export class ArrivalQueue<T> {
  private readonly waiting: T[] = [];
  private closed = false;
  private wakeTaker?: () => void;
  private wakePutter?: () => void;

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new Error(`Capacity ${capacity} is not a positive integer`);
  }

  /** Adds one arrival, first waiting while `capacity` wait already; dropped once closed. */
  async put(item: T): Promise<void> {
    while (this.waiting.length >= this.capacity && !this.closed)
      await new Promise<void>((resolve) => (this.wakePutter = resolve));
    if (this.closed) return;
    this.waiting.push(item);
    this.wake('taker');
  }

  /** Everything waiting, oldest first, after waiting for one; empty once closed with nothing left. */
  async takeAll(): Promise<T[]> {
    while (this.waiting.length === 0 && !this.closed)
      await new Promise<void>((resolve) => (this.wakeTaker = resolve));
    const taken = this.waiting.splice(0, this.capacity);
    this.wake('putter');
    return taken;
  }

  /** No more puts; what waits is still taken. */
  close(): void {
    this.closed = true;
    this.wake('taker');
    this.wake('putter');
  }

  private wake(who: 'taker' | 'putter'): void {
    const wake = who === 'taker' ? this.wakeTaker : this.wakePutter;
    if (who === 'taker') this.wakeTaker = undefined;
    else this.wakePutter = undefined;
    wake?.();
  }
}
