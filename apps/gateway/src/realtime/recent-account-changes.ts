/** How long an account change is remembered for handshakes that checked the account just before it. */
export const RECENT_CHANGE_MS = 60_000;

interface Change {
  /** When it happened (the event's time): a later undoing forgets it, an earlier one not. */
  at: number;
  /** When this gateway heard of it: what it is remembered by, whatever the clocks. */
  heardAt: number;
}

/**
 * Account changes of one kind (suspensions, password changes) this gateway heard of in the last
 * minute, by user id. A handshake checks the account with user-service before the socket
 * connects; a change that lands between that answer and the connection would miss the socket, so
 * a new connection is also checked against this.
 */
export class RecentAccountChanges {
  private readonly changes = new Map<string, Change>();

  constructor(
    private readonly keepMs = RECENT_CHANGE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  heard(userId: string, at: Date): void {
    this.forgetOld();
    const known = this.changes.get(userId);
    this.changes.set(userId, { at: Math.max(at.getTime(), known?.at ?? 0), heardAt: this.now() });
  }

  /** A later change undid it (a reactivation after a suspension). */
  undone(userId: string, at: Date): void {
    const known = this.changes.get(userId);
    if (known && at.getTime() >= known.at) this.changes.delete(userId);
  }

  has(userId: string): boolean {
    this.forgetOld();
    return this.changes.has(userId);
  }

  private forgetOld(): void {
    const now = this.now();
    for (const [userId, { heardAt }] of this.changes) {
      if (now - heardAt >= this.keepMs) this.changes.delete(userId);
    }
  }
}
