import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { JSONCodec, type NatsConnection, type Subscription } from 'nats';
import { DOCTOR_SLOTS_CHANGED, type DoctorSlotsChange } from '@arogyam/contracts';
import { AnswerCache, invalidateOnNotices } from '@arogyam/messaging';
import type { GatewayConfig } from '../config/gateway.config';

const codec = JSONCodec<Partial<DoctorSlotsChange>>();

/**
 * Answers about a doctor's slots (listings, the next free one) kept per doctor: each
 * `appointment.slots.changed` drops that doctor's answers, and for SLOT_LISTING_CACHE_SETTLE_MS
 * stores none while the other appointment-service instances catch up (AnswerCache). A notice
 * without a doctor cannot be placed: everything goes rather than keep a stale answer.
 */
export abstract class PerDoctorAnswers<T> implements OnModuleInit, OnModuleDestroy {
  protected readonly cache: AnswerCache<T>;
  private subscription?: Subscription;

  protected constructor(
    private readonly connection: NatsConnection,
    protected readonly config: GatewayConfig,
  ) {
    this.cache = new AnswerCache({
      entries: config.SLOT_LISTING_CACHE_ENTRIES,
      settleMs: config.SLOT_LISTING_CACHE_SETTLE_MS,
    });
  }

  onModuleInit(): void {
    this.subscription = invalidateOnNotices(this.cache, this.connection, DOCTOR_SLOTS_CHANGED, (data) => {
      const { doctorId } = codec.decode(data);
      return typeof doctorId === 'string' ? doctorId : undefined;
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** `dependent` keeps answers made from these, under the doctors' ids: it is invalidated with them. */
  feeds(dependent: Pick<AnswerCache<unknown>, 'invalidate'>): void {
    this.cache.feeds(dependent);
  }
}
