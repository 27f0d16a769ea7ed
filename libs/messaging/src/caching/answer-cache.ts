export interface AnswerCacheOptions {
  /** How many answers to keep; the oldest goes first. */
  entries: number;
  /** After an invalidation, how long nothing of its scope is stored (see `invalidate`). */
  settleMs: number;
}

interface CachedAnswer<T> {
  answer: T;
  scope: string;
  expiresAt: number;
}

interface Invalidation {
  /** The value of the cache's counter when it happened. */
  epoch: number;
  settledAt: number;
}

/** Longer than any request can be in flight (RPC timeouts are seconds): older invalidations can be forgotten. */
const FORGET_INVALIDATIONS_AFTER_MS = 60_000;

/**
 * Answers of other services kept by their caller (a gateway, a service) until what they were
 * computed from changes. Each answer belongs to a scope (a doctor's slots; "everything" for search); `invalidate(scope)` drops that
 * scope's answers and, for `settleMs`, stores none of it, because the service's other instances
 * learn of the change from the same kind of notice and one that has not yet could answer with
 * the old state. An answer asked for before an invalidation of its scope is not stored after it.
 * Expiry only bounds what a lost notice could leave behind; correctness comes from invalidation.
 */
export class AnswerCache<T> {
  /** In insertion order, so the first key is the oldest when the cache is full. */
  private readonly answers = new Map<string, CachedAnswer<T>>();
  private readonly keysByScope = new Map<string, Set<string>>();
  private readonly invalidations = new Map<string, Invalidation>();
  private everything: Invalidation = { epoch: 0, settledAt: 0 };
  private epoch = 0;

  constructor(private readonly options: AnswerCacheOptions) {}

  /**
   * The cached answer for `key`, or `ask()`'s, stored until `expiresAt(answer, now)` (epoch ms)
   * unless its scope changed meanwhile.
   */
  async answer(
    key: string,
    scope: string,
    ask: () => Promise<T>,
    expiresAt: (answer: T, now: number) => number,
  ): Promise<T> {
    const cached = this.answers.get(key);
    if (cached && cached.expiresAt > Date.now()) return cached.answer;
    const askedAt = this.epoch;
    const answer = await ask();
    const now = Date.now();
    const last = this.invalidations.get(scope);
    const unchanged = this.everything.epoch <= askedAt && (!last || last.epoch <= askedAt);
    const settled = now >= this.everything.settledAt && (!last || now >= last.settledAt);
    if (unchanged && settled) this.remember(key, scope, answer, expiresAt(answer, now));
    return answer;
  }

  /** Something answers of `scope` were computed from changed; without a scope, everything did. */
  invalidate(scope?: string): void {
    this.epoch += 1;
    const invalidation = { epoch: this.epoch, settledAt: Date.now() + this.options.settleMs };
    if (scope === undefined) {
      this.everything = invalidation;
      this.answers.clear();
      this.keysByScope.clear();
      this.invalidations.clear();
      return;
    }
    for (const key of this.keysByScope.get(scope) ?? []) this.answers.delete(key);
    this.keysByScope.delete(scope);
    this.invalidations.delete(scope);
    this.invalidations.set(scope, invalidation);
    this.forgetOldInvalidations();
  }

  private remember(key: string, scope: string, answer: T, expiresAt: number): void {
    this.forget(key);
    if (this.answers.size >= this.options.entries) {
      const oldest = this.answers.keys().next().value;
      if (oldest !== undefined) this.forget(oldest);
    }
    this.answers.set(key, { answer, scope, expiresAt });
    let keys = this.keysByScope.get(scope);
    if (!keys) this.keysByScope.set(scope, (keys = new Set()));
    keys.add(key);
  }

  private forget(key: string): void {
    const cached = this.answers.get(key);
    if (!cached) return;
    this.answers.delete(key);
    const keys = this.keysByScope.get(cached.scope);
    keys?.delete(key);
    if (keys?.size === 0) this.keysByScope.delete(cached.scope);
  }

  /** Invalidations are kept in time order (re-inserted on repeat), so the stale ones are first. */
  private forgetOldInvalidations(): void {
    const before = Date.now() - FORGET_INVALIDATIONS_AFTER_MS;
    for (const [scope, invalidation] of this.invalidations) {
      if (invalidation.settledAt >= before) break;
      this.invalidations.delete(scope);
    }
  }
}
