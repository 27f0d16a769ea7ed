import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { NatsConnection, Subscription } from 'nats';
import {
  DOCTOR_DIRECTORY_CHANGED,
  DOCTOR_FREE_TIMES_CHANGED,
  type DoctorSearchQueryDto,
  type DoctorSummary,
  type Page,
} from '@arogyam/contracts';
import { AnswerCache, invalidateOnNotices, NATS_CONNECTION } from '@arogyam/messaging';
import { GatewayConfig } from '../config/gateway.config';

/** Any listing change can move any search answer. */
const ALL_LISTINGS = 'all';
/**
 * The answers that depend on free times (filtered by availability, sorted by soonest): a doctor's
 * first free slot changing (`doctor.directory.free_times_changed`, on every booking) drops these
 * only. The `all` notice drops them too (it drops every scope).
 */
const FREE_TIMES = 'free-times';

/** The scope of a search's answers: which change notices drop them. */
export const searchScopeOf = (query: DoctorSearchQueryDto): string =>
  query.available || query.sort === 'soonest' ? FREE_TIMES : ALL_LISTINGS;

/** A search answer and until when it may be used (a cache of answers made from it keeps them no longer). */
export interface KeptSearchPage {
  page: Page<DoctorSummary>;
  keptUntil: number;
}

/**
 * Recent doctor-search answers, so the searches patients repeat most (a specialization in a
 * city, the first page) are answered here without a trip to doctor-service. Correctness comes
 * from invalidation, not from the expiry: every `doctor.directory.changed` (any listing change)
 * drops all answers and, for DOCTOR_SEARCH_CACHE_SETTLE_MS, stores none, because the other
 * doctor-service instances refresh themselves on the same message and one that has not yet could
 * answer with the old listing (AnswerCache). The expiry (DOCTOR_SEARCH_CACHE_TTL_SECONDS) bounds
 * what a lost message could leave behind; a NATS reconnect, when such messages are lost, also
 * drops all.
 */
@Injectable()
export class DoctorSearchCache implements OnModuleInit, OnModuleDestroy {
  private readonly cache: AnswerCache<KeptSearchPage>;
  private subscriptions: Subscription[] = [];

  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    private readonly config: GatewayConfig,
  ) {
    this.cache = new AnswerCache({
      entries: config.DOCTOR_SEARCH_CACHE_ENTRIES,
      settleMs: config.DOCTOR_SEARCH_CACHE_SETTLE_MS,
    });
  }

  onModuleInit(): void {
    this.subscriptions = [
      invalidateOnNotices(this.cache, this.connection, DOCTOR_DIRECTORY_CHANGED),
      invalidateOnNotices(this.cache, this.connection, DOCTOR_FREE_TIMES_CHANGED, () => FREE_TIMES),
    ];
  }

  onModuleDestroy(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  /** `dependent` keeps answers made from these, in the same scopes: it is invalidated with them. */
  feeds(dependent: Pick<AnswerCache<unknown>, 'invalidate'>): void {
    this.cache.feeds(dependent);
  }

  /** The cached answer to `query`, or `search()`'s, remembered if nothing changed meanwhile. */
  answer(query: DoctorSearchQueryDto, search: () => Promise<Page<DoctorSummary>>): Promise<KeptSearchPage> {
    const ttlMs = this.config.DOCTOR_SEARCH_CACHE_TTL_SECONDS * 1000;
    const kept = async (): Promise<KeptSearchPage> => {
      const page = await search();
      return { page, keptUntil: Date.now() + ttlMs };
    };
    if (ttlMs === 0) return kept();
    return this.cache.answer(searchCacheKey(query), searchScopeOf(query), kept, (answer) => answer.keptUntil);
  }
}

/**
 * The validated query's fields in one fixed order. "Today" depends on the clock too: an answer
 * kept across the patient's midnight is stale for at most the expiry (DOCTOR_SEARCH_CACHE_TTL_SECONDS).
 */
export const searchCacheKey = (query: DoctorSearchQueryDto): string =>
  JSON.stringify([
    query.specialization,
    query.city,
    query.language,
    query.q,
    query.minFee,
    query.maxFee,
    query.gender,
    query.available,
    query.available ? query.tz : undefined,
    query.sort,
    query.page,
    query.limit,
  ]);
