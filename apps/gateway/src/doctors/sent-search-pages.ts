import { Injectable } from '@nestjs/common';
import type { DoctorSearchQueryDto, DoctorSummary, Page } from '@arogyam/contracts';
import { AnswerCache } from '@arogyam/messaging';
import { GatewayConfig } from '../config/gateway.config';
import { SentJson } from '../http/sent-json';
import { DoctorSearchCache, searchCacheKey, searchScopeOf } from './doctor-search-cache';
import { NextAvailableTimes, withNextAvailable } from './next-available-times';
import { SearchSpellings } from './search-spellings';

/**
 * A search page as sent: doctor-service's page with appointment-service's next available time on
 * each card, the scopes that drop it (the search's, and each doctor's id) and until when it may
 * be used.
 */
export class SentSearchPage extends SentJson {
  constructor(
    page: Page<DoctorSummary>,
    readonly scopes: readonly string[],
    readonly keptUntil: number,
  ) {
    super(page);
  }
}

/**
 * Search answers as sent, so a repeated search costs the gateway a lookup and a write of kept
 * bytes: before, each one took the page from DoctorSearchCache, looked up each doctor's next
 * available time (a promise per card) and serialised the page again.
 *
 * An answer is made from a DoctorSearchCache answer and NextAvailableTimes entries, and is
 * dropped whenever they are: each of those caches invalidates this one in the same call as
 * itself (AnswerCache.feeds), so a listing change drops every answer or those that depend on free
 * times, a doctor's `appointment.slots.changed` the answers showing that doctor, and a NATS
 * reconnect everything; for the longer of the two settle times nothing dropped is stored again.
 * An answer expires when the first of its parts does: the search answer's expiry, or a doctor's
 * next available time starting (or its expiry). When appointment-service did not answer, the
 * cards carry doctor-service's copy of the times and the answer is not kept, so the next search
 * asks again. Off when either cache is (a zero expiry).
 *
 * The query strings that led to kept answers are filed too (SearchSpellings), so a repeated
 * search is found by its string before validation (KeptSearchInterceptor); they go with the
 * answer they lead to.
 */
@Injectable()
export class SentSearchPages {
  private readonly cache: AnswerCache<SentSearchPage>;
  private readonly spellings: SearchSpellings;

  constructor(
    private readonly config: GatewayConfig,
    private readonly searchCache: DoctorSearchCache,
    private readonly nextAvailable: NextAvailableTimes,
  ) {
    this.spellings = new SearchSpellings(config.DOCTOR_SEARCH_CACHE_ENTRIES);
    this.cache = new AnswerCache({
      entries: config.DOCTOR_SEARCH_CACHE_ENTRIES,
      settleMs: Math.max(config.DOCTOR_SEARCH_CACHE_SETTLE_MS, config.SLOT_LISTING_CACHE_SETTLE_MS),
      forgotten: (key) => this.spellings.forgetKey(key),
    });
    searchCache.feeds(this.cache);
    nextAvailable.feeds(this.cache);
  }

  /**
   * The answer to `query` as sent, made from `search()` and appointment-service's times if not
   * kept. `queryString`, the one the client sent, is filed to find the answer by while it is kept.
   */
  async answer(
    query: DoctorSearchQueryDto,
    search: () => Promise<Page<DoctorSummary>>,
    queryString?: string,
  ): Promise<SentJson> {
    const compose = () => this.compose(query, search);
    if (this.config.DOCTOR_SEARCH_CACHE_TTL_SECONDS === 0 || this.config.SLOT_LISTING_CACHE_TTL_SECONDS === 0)
      return compose();
    const key = searchCacheKey(query);
    const sent = await this.cache.answer(
      key,
      (page) => page.scopes,
      compose,
      (page) => page.keptUntil,
    );
    // Only an answer the cache keeps: one not stored (or dropped meanwhile) has nothing to lead to.
    if (queryString !== undefined && this.cache.kept(key) === sent) this.spellings.file(queryString, key);
    return sent;
  }

  /** The kept answer a search sent with `queryString` led to, if it is still kept. */
  keptFor(queryString: string): SentJson | undefined {
    const key = this.spellings.keyOf(queryString);
    return key === undefined ? undefined : this.cache.kept(key);
  }

  /** How many query strings are filed (for tests). */
  filedQueryStrings(): number {
    return this.spellings.size;
  }

  private async compose(
    query: DoctorSearchQueryDto,
    search: () => Promise<Page<DoctorSummary>>,
  ): Promise<SentSearchPage> {
    const { page, keptUntil } = await this.searchCache.answer(query, search);
    const doctorIds = page.items.map((doctor) => doctor.id);
    const times = await this.nextAvailable.of(doctorIds);
    if (!times) return new SentSearchPage(page, [], 0);
    return new SentSearchPage(
      { ...page, items: withNextAvailable(page.items, times) },
      [searchScopeOf(query), ...doctorIds],
      Math.min(keptUntil, ...times.map((time) => time.keptUntil)),
    );
  }
}
