import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { NatsConnection, Subscription } from 'nats';
import {
  DOCTOR_DIRECTORY_CHANGED,
  type DoctorSearchQueryDto,
  type DoctorSummary,
  type Page,
} from '@arogyam/contracts';
import { NATS_CONNECTION, onReconnect } from '@arogyam/messaging';
import { GatewayConfig } from '../config/gateway.config';

interface CachedAnswer {
  page: Page<DoctorSummary>;
  expiresAt: number;
}

/**
 * Recent doctor-search answers, so the searches patients repeat most (a specialization in a
 * city, the first page) are answered here without a trip to doctor-service. Correctness comes
 * from invalidation, not from the expiry: every `doctor.directory.changed` (any listing change)
 * drops all answers and, for DOCTOR_SEARCH_CACHE_SETTLE_MS, stores none, because the other
 * doctor-service instances refresh themselves on the same message and one that has not yet could
 * answer with the old listing. The expiry (DOCTOR_SEARCH_CACHE_TTL_SECONDS) bounds what a lost
 * message could leave behind; a NATS reconnect, when such messages are lost, also drops all.
 */
@Injectable()
export class DoctorSearchCache implements OnModuleInit, OnModuleDestroy {
  /** In insertion order, so the first key is the oldest when the cache is full. */
  private readonly answers = new Map<string, CachedAnswer>();
  /** Bumped by every invalidation: an answer asked for before one is not stored after it. */
  private generation = 0;
  private settledAt = 0;
  private subscription?: Subscription;

  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    private readonly config: GatewayConfig,
  ) {}

  onModuleInit(): void {
    this.subscription = this.connection.subscribe(DOCTOR_DIRECTORY_CHANGED, {
      callback: () => this.invalidate(),
    });
    onReconnect(this.connection, () => this.invalidate());
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** The cached answer to `query`, or `search()`'s, remembered if nothing changed meanwhile. */
  async answer(
    query: DoctorSearchQueryDto,
    search: () => Promise<Page<DoctorSummary>>,
  ): Promise<Page<DoctorSummary>> {
    if (this.config.DOCTOR_SEARCH_CACHE_TTL_SECONDS === 0) return search();
    const key = cacheKey(query);
    const cached = this.answers.get(key);
    const now = Date.now();
    if (cached && cached.expiresAt > now) return cached.page;
    const generation = this.generation;
    const page = await search();
    if (generation === this.generation && Date.now() >= this.settledAt) this.remember(key, page);
    return page;
  }

  private remember(key: string, page: Page<DoctorSummary>): void {
    this.answers.delete(key);
    if (this.answers.size >= this.config.DOCTOR_SEARCH_CACHE_ENTRIES) {
      const oldest = this.answers.keys().next().value;
      if (oldest !== undefined) this.answers.delete(oldest);
    }
    this.answers.set(key, {
      page,
      expiresAt: Date.now() + this.config.DOCTOR_SEARCH_CACHE_TTL_SECONDS * 1000,
    });
  }

  private invalidate(): void {
    this.generation += 1;
    this.answers.clear();
    this.settledAt = Date.now() + this.config.DOCTOR_SEARCH_CACHE_SETTLE_MS;
  }
}

/** The validated query's fields in one fixed order. */
const cacheKey = (query: DoctorSearchQueryDto): string =>
  JSON.stringify([query.specialization, query.city, query.language, query.q, query.page, query.limit]);
