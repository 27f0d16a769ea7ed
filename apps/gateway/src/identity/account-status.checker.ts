import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { JSONCodec, type NatsConnection, type Subscription } from 'nats';
import {
  UserEventTypes,
  UserSubjects,
  eventSubject,
  type AccountStatusAnswer,
  type EventEnvelope,
  type UserStatusChangedPayload,
} from '@arogyam/contracts';
import type { AccountStatusChecker } from '@arogyam/auth';
import { AnswerCache, invalidateOnNotices, NATS_CONNECTION, scopeNamedBy } from '@arogyam/messaging';
import { GatewayConfig } from '../config/gateway.config';
import { ServiceClient } from '../http/service-client';

const codec = JSONCodec<EventEnvelope<string, Partial<UserStatusChangedPayload>>>();

/**
 * Every authenticated request's account check. Answers are kept for
 * ACCOUNT_STATUS_CACHE_TTL_SECONDS, because asking user-service on every request was a third of
 * the platform's work per booking (docs/benchmarks.md); `evt.user.suspended`, `reactivated`,
 * `password-changed` and `erased`, which every gateway hears on plain NATS, drop the user's entry at once, and a NATS reconnect
 * (when such events can be missed) drops every entry. user-service publishes the event before it
 * answers the admin, on the connection that carries the answer, so on the gateway that relayed the
 * suspension it bites on the very next request, and on the others as soon as NATS delivers it.
 */
@Injectable()
export class UserServiceAccountStatusChecker implements AccountStatusChecker, OnModuleInit, OnModuleDestroy {
  private readonly cache: AnswerCache<AccountStatusAnswer>;
  private subscriptions: Subscription[] = [];

  constructor(
    private readonly services: ServiceClient,
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    private readonly config: GatewayConfig,
  ) {
    // All user-service instances read the same database: nothing to wait for after a change.
    this.cache = new AnswerCache({ entries: config.ACCOUNT_STATUS_CACHE_ENTRIES, settleMs: 0 });
  }

  onModuleInit(): void {
    this.subscriptions = [
      UserEventTypes.suspended,
      UserEventTypes.reactivated,
      UserEventTypes.passwordChanged,
      UserEventTypes.erased,
    ].map((type) =>
      invalidateOnNotices(this.cache, this.connection, eventSubject(type), (data) =>
        scopeNamedBy(() => codec.decode(data).payload?.userId),
      ),
    );
  }

  onModuleDestroy(): void {
    this.subscriptions.forEach((subscription) => subscription.unsubscribe());
  }

  check(userId: string, options: { fresh?: boolean } = {}): Promise<AccountStatusAnswer> {
    const ask = () => this.services.send<AccountStatusAnswer>(UserSubjects.accountStatus, { userId });
    const ttlMs = this.config.ACCOUNT_STATUS_CACHE_TTL_SECONDS * 1000;
    if (ttlMs === 0 || options.fresh) return ask();
    return this.cache.answer(userId, userId, ask, (_answer, now) => now + ttlMs);
  }
}
