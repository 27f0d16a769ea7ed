/** One step of setting up a call's media, at wall-clock `at` (ms since the epoch). */
export interface CallStep {
  step: string;
  at: number;
}

/**
 * The steps of one media session's set-up as they happened, in order. Read by the video benchmark
 * (through the `__arogyamCall` test hook) to show where the slowest call's time went; nothing is
 * sent anywhere.
 */
export class CallSteps {
  private readonly happened: CallStep[] = [];

  mark(step: string): void {
    this.happened.push({ step, at: Date.now() });
  }

  get list(): readonly CallStep[] {
    return this.happened;
  }
}
