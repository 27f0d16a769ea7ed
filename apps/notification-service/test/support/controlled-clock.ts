import { Clock } from '../../src/clock/clock';

/** A clock the test moves: reminders fall due when the test says so, not a day later. */
export class ControlledClock extends Clock {
  private current: number;

  constructor(start: Date = new Date()) {
    super();
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Moves to `at` (never backwards). */
  set(at: Date): void {
    this.current = Math.max(this.current, at.getTime());
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
