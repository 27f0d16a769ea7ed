import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { NatsConnection, Subscription } from 'nats';
import {
  DOCTOR_DIRECTORY_CHANGED,
  type DoctorSearchQueryDto,
  type DoctorSummary,
  type Page,
} from '@arogyam/contracts';
import { AnswerCache, invalidateOnNotices, NATS_CONNECTION } from '@arogyam/messaging';
import { GatewayConfig } from '../config/gateway.config';

/** Search answers have one scope: any listing change can move any of them. */
const ALL_LISTINGS = 'all';

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
  private readonly cache: AnswerCache<Page<DoctorSummary>>;
  private subscription?: Subscription;

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
    this.subscription = invalidateOnNotices(this.cache, this.connection, DOCTOR_DIRECTORY_CHANGED);
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** The cached answer to `query`, or `search()`'s, remembered if nothing changed meanwhile. */
  answer(
    query: DoctorSearchQueryDto,
    search: () => Promise<Page<DoctorSummary>>,
  ): Promise<Page<DoctorSummary>> {
    const ttlMs = this.config.DOCTOR_SEARCH_CACHE_TTL_SECONDS * 1000;
    if (ttlMs === 0) return search();
    return this.cache.answer(cacheKey(query), ALL_LISTINGS, search, (_page, now) => now + ttlMs);
  }
}

/** The validated query's fields in one fixed order. */
const cacheKey = (query: DoctorSearchQueryDto): string =>
  JSON.stringify([query.specialization, query.city, query.language, query.q, query.page, query.limit]);
