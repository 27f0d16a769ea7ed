import type { Logger } from '@nestjs/common';
import { failureSummary } from '@arogyam/messaging';

/**
 * Runs a round of work now and then every `seconds` (real time; what a round decides by time asks
 * the Clock). A round still running when the next is due is not overlapped, a failed one is logged
 * and the next tries again, and `stop()` waits for the round in flight.
 */
export class PeriodicRounds {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly what: string,
    private readonly round: () => Promise<void>,
    private readonly logger: Logger,
  ) {}

  start(seconds: number): void {
    this.timer = setInterval(() => void this.run(), seconds * 1000);
    void this.run();
  }

  run(): Promise<void> {
    this.running ??= this.round()
      .catch((error: Error) => this.logger.error(`${this.what} failed, will retry: ${failureSummary(error)}`))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
