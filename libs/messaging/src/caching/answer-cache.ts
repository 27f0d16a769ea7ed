export interface AnswerCacheOptions {
  /** How many answers to keep; the oldest goes first. */
  entries: number;
  /** After an invalidation, how long nothing of its scope is stored (see `invalidate`). */
  settleMs: number;
  /**
   * Told of each answer that goes (dropped, expired, pushed out, replaced), so that what a
   * caller files under the cache's keys goes with it.
   */
  forgotten?: (key: string) => void;
}

/**
 * The scope an answer belongs to, or, for an answer made of several others (a search page and
 * each of its doctors' free times), the scopes read from the answer itself once it is there.
 */
export type AnswerScope<T> = string | ((answer: T) => readonly string[]);

interface CachedAnswer<T> {
  answer: T;
  scopes: readonly string[];
  expiresAt: number;
}

/** An ask in flight: its answer, and the cache's epoch when it began. */
interface Asking<T> {
  answer: Promise<T>;
  askedAt: number;
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
 * computed from changes. Each answer belongs to a scope (a doctor's slots; "everything" for search),
 * or to several; `invalidate(scope)` drops that scope's answers and, for `settleMs`, stores none of
 * it, because the service's other instances learn of the change from the same kind of notice and
 * one that has not yet could answer with the old state. An answer asked for before an invalidation
 * of one of its scopes is not stored after it.
 * Expiry only bounds what a lost notice could leave behind; correctness comes from invalidation.
 */
export class AnswerCache<T> {
  /** In insertion order, so the first key is the oldest when the cache is full. */
  private readonly answers = new Map<string, CachedAnswer<T>>();
  private readonly keysByScope = new Map<string, Set<string>>();
  private readonly invalidations = new Map<string, Invalidation>();
  private readonly asking = new Map<string, Asking<T>>();
  private readonly dependents: Pick<AnswerCache<unknown>, 'invalidate'>[] = [];
  private everything: Invalidation = { epoch: 0, settledAt: 0 };
  private epoch = 0;

  constructor(private readonly options: AnswerCacheOptions) {}

  /**
   * The cached answer for `key`, or `ask()`'s, stored until `expiresAt(answer, now)` (epoch ms;
   * not at all if that is not after now) unless one of its scopes changed meanwhile.
   */
  async answer(
    key: string,
    scope: AnswerScope<T>,
    ask: () => Promise<T>,
    expiresAt: (answer: T, now: number) => number,
  ): Promise<T> {
    const cached = this.fresh(key);
    if (cached) return cached.answer;
    const inFlight = this.asking.get(key);
    if (inFlight && inFlight.askedAt === this.epoch) return inFlight.answer;
    const askedAt = this.epoch;
    const answer = await this.askOnce(key, ask);
    const now = Date.now();
    const scopes = typeof scope === 'string' ? [scope] : scope(answer);
    const until = expiresAt(answer, now);
    if (until > now && this.untouchedSince(askedAt, scopes, now)) this.remember(key, scopes, answer, until);
    return answer;
  }

  /** The answer kept for `key`, if there is one and it has not expired; asks nothing. */
  kept(key: string): T | undefined {
    return this.fresh(key)?.answer;
  }

  /**
   * `ask()`'s answer, which requests for `key` wait for while it is in flight. It leaves the
   * in-flight map (unless a later ask took its place) before any waiter or this request goes on,
   * as its handler is the promise's first: a request after that finds the stored answer or asks
   * again, so an answer not stored is shared only with requests that were already waiting, and a
   * failed ask (whose error each waiter sees) leaves nothing behind.
   */
  private askOnce(key: string, ask: () => Promise<T>): Promise<T> {
    const answer = new Promise<T>((resolve) => resolve(ask()));
    const asking: Asking<T> = { answer, askedAt: this.epoch };
    this.asking.set(key, asking);
    const done = () => {
      if (this.asking.get(key) === asking) this.asking.delete(key);
    };
    void answer.then(done, done);
    return answer;
  }

  /** Something answers of `scope` were computed from changed; without a scope, everything did. */
  invalidate(scope?: string): void {
    this.epoch += 1;
    const invalidation = { epoch: this.epoch, settledAt: Date.now() + this.options.settleMs };
    if (scope === undefined) {
      this.everything = invalidation;
      const keys = [...this.answers.keys()];
      this.answers.clear();
      for (const key of keys) this.options.forgotten?.(key);
      this.keysByScope.clear();
      this.invalidations.clear();
    } else {
      for (const key of [...(this.keysByScope.get(scope) ?? [])]) this.forget(key);
      this.invalidations.delete(scope);
      this.invalidations.set(scope, invalidation);
      this.forgetOldInvalidations();
    }
    for (const dependent of this.dependents) dependent.invalidate(scope);
  }

  /**
   * `dependent` keeps answers made from this cache's (with the same scope names): each
   * invalidation here is one there too, in the same call and after this cache's own, so no
   * request can find this cache's answer gone and the dependent's still there to store from it.
   */
  feeds(dependent: Pick<AnswerCache<unknown>, 'invalidate'>): void {
    this.dependents.push(dependent);
  }

  private untouchedSince(askedAt: number, scopes: readonly string[], now: number): boolean {
    if (this.everything.epoch > askedAt || now < this.everything.settledAt) return false;
    return scopes.every((scope) => {
      const last = this.invalidations.get(scope);
      return !last || (last.epoch <= askedAt && now >= last.settledAt);
    });
  }

  /** The stored answer for `key` unless it expired; an expired one is forgotten. */
  private fresh(key: string): CachedAnswer<T> | undefined {
    const cached = this.answers.get(key);
    if (!cached || cached.expiresAt > Date.now()) return cached;
    this.forget(key);
    return undefined;
  }

  private remember(key: string, scopes: readonly string[], answer: T, expiresAt: number): void {
    this.forget(key);
    if (this.answers.size >= this.options.entries) {
      const oldest = this.answers.keys().next().value;
      if (oldest !== undefined) this.forget(oldest);
    }
    this.answers.set(key, { answer, scopes, expiresAt });
    for (const scope of scopes) {
      let keys = this.keysByScope.get(scope);
      if (!keys) this.keysByScope.set(scope, (keys = new Set()));
      keys.add(key);
    }
  }

  private forget(key: string): void {
    const cached = this.answers.get(key);
    if (!cached) return;
    this.answers.delete(key);
    for (const scope of cached.scopes) {
      const keys = this.keysByScope.get(scope);
      keys?.delete(key);
      if (keys?.size === 0) this.keysByScope.delete(scope);
    }
    this.options.forgotten?.(key);
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
