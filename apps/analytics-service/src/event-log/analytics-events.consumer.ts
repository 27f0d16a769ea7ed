import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import type { EventEnvelope } from '@arogyam/contracts';
import { EventConsumer, NATS_CONNECTION } from '@arogyam/messaging';
import { FactProjector } from '../read-model/fact-projector';
import { EventLogRepository } from './event-log.repository';
import { COUNTED_EVENT_TYPES, factOfEvent } from './fact-of-event';
import type { LoggedEvent } from './logged-event.schema';

const loggedOf = (event: EventEnvelope): LoggedEvent => ({
  _id: event.id,
  type: event.type,
  occurredAt: new Date(event.occurredAt),
  fact: factOfEvent(event),
});

/**
 * analytics-service's JetStream consumers (one durable per counted type, `analytics-service_<type>`,
 * shared by its instances). Each event is logged first and then applied, and acked after both: a failure
 * between them is redelivered, and both steps store a repeat once. Events of a type that queued up
 * meanwhile are logged and applied together.
 */
@Injectable()
export class AnalyticsEventsConsumer implements OnModuleInit, OnModuleDestroy {
  private readonly consumer: EventConsumer;

  constructor(
    @Inject(NATS_CONNECTION) connection: NatsConnection,
    private readonly log: EventLogRepository,
    private readonly projector: FactProjector,
  ) {
    const take = (event: EventEnvelope) => this.take(event);
    const takeEach = (events: EventEnvelope[]) => this.takeEach(events);
    this.consumer = new EventConsumer(connection, {
      service: 'analytics',
      handlers: Object.fromEntries(COUNTED_EVENT_TYPES.map((type) => [type, take])),
      batchHandlers: Object.fromEntries(COUNTED_EVENT_TYPES.map((type) => [type, takeEach])),
    });
  }

  private async take(event: EventEnvelope): Promise<void> {
    const logged = loggedOf(event);
    await this.log.append(logged);
    await this.projector.apply(logged);
  }

  /** Events that queued up meanwhile: logged in one write, then applied together. */
  private async takeEach(events: EventEnvelope[]): Promise<void> {
    const logged = events.map(loggedOf);
    await this.log.appendEach(logged);
    await this.projector.applyEach(logged);
  }

  onModuleInit(): Promise<void> {
    return this.consumer.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.consumer.stop();
  }
}
