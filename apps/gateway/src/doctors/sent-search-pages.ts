import { Injectable } from '@nestjs/common';
import type { DoctorSearchQueryDto, DoctorSummary, Page } from '@arogyam/contracts';
import { AnswerCache } from '@arogyam/messaging';
import { GatewayConfig } from '../config/gateway.config';
import { SentJson } from '../http/sent-json';
import { DoctorSearchCache, searchCacheKey, searchScopeOf } from './doctor-search-cache';
import { NextAvailableTimes, withNextAvailable } from './next-available-times';

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
 */
@Injectable()
export class SentSearchPages {
  private readonly cache: AnswerCache<SentSearchPage>;

  constructor(
    private readonly config: GatewayConfig,
    private readonly searchCache: DoctorSearchCache,
    private readonly nextAvailable: NextAvailableTimes,
  ) {
    this.cache = new AnswerCache({
      entries: config.DOCTOR_SEARCH_CACHE_ENTRIES,
      settleMs: Math.max(config.DOCTOR_SEARCH_CACHE_SETTLE_MS, config.SLOT_LISTING_CACHE_SETTLE_MS),
    });
    searchCache.feeds(this.cache);
    nextAvailable.feeds(this.cache);
  }

  /** The answer to `query` as sent, made from `search()` and appointment-service's times if not kept. */
  answer(query: DoctorSearchQueryDto, search: () => Promise<Page<DoctorSummary>>): Promise<SentJson> {
    const compose = () => this.compose(query, search);
    if (this.config.DOCTOR_SEARCH_CACHE_TTL_SECONDS === 0 || this.config.SLOT_LISTING_CACHE_TTL_SECONDS === 0)
      return compose();
    return this.cache.answer(
      searchCacheKey(query),
      (sent) => sent.scopes,
      compose,
      (sent) => sent.keptUntil,
    );
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
