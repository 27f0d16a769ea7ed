/** How long a suspension is remembered for handshakes that checked the account just before it. */
export const RECENT_SUSPENSION_MS = 60_000;

interface Suspension {
  /** When it happened (the event's time): a later reactivation forgets it, an earlier one not. */
  at: number;
  /** When this gateway heard of it: what it is remembered by, whatever the clocks. */
  heardAt: number;
}

/**
 * Suspensions this gateway heard of in the last minute, by user id. A handshake checks the account
 * with user-service before the socket connects; a suspension that lands between that answer and the
 * connection would miss the socket, so a new connection is also checked against this.
 */
export class RecentSuspensions {
  private readonly suspensions = new Map<string, Suspension>();

  constructor(
    private readonly keepMs = RECENT_SUSPENSION_MS,
    private readonly now: () => number = Date.now,
  ) {}

  suspended(userId: string, at: Date): void {
    this.forgetOld();
    const known = this.suspensions.get(userId);
    this.suspensions.set(userId, { at: Math.max(at.getTime(), known?.at ?? 0), heardAt: this.now() });
  }

  reactivated(userId: string, at: Date): void {
    const known = this.suspensions.get(userId);
    if (known && at.getTime() >= known.at) this.suspensions.delete(userId);
  }

  has(userId: string): boolean {
    this.forgetOld();
    return this.suspensions.has(userId);
  }

  private forgetOld(): void {
    const now = this.now();
    for (const [userId, { heardAt }] of this.suspensions) {
      if (now - heardAt >= this.keepMs) this.suspensions.delete(userId);
    }
  }
}
