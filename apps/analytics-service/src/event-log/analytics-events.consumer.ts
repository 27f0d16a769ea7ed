import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import type { EventEnvelope } from '@arogyam/contracts';
import { EventConsumer, NATS_CONNECTION } from '@arogyam/messaging';
import { FactProjector } from '../read-model/fact-projector';
import { EventLogRepository } from './event-log.repository';
import { COUNTED_EVENT_TYPES, factOfEvent } from './fact-of-event';
import type { LoggedEvent } from './logged-event.schema';

/**
 * analytics-service's JetStream consumers (one durable per counted type, `analytics-service_<type>`,
 * shared by its instances). Each event is logged first and then applied, and acked after both: a failure
 * between them is redelivered, and both steps store a repeat once.
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
    this.consumer = new EventConsumer(connection, {
      service: 'analytics',
      handlers: Object.fromEntries(COUNTED_EVENT_TYPES.map((type) => [type, take])),
    });
  }

  private async take(event: EventEnvelope): Promise<void> {
    const logged: LoggedEvent = {
      _id: event.id,
      type: event.type,
      occurredAt: new Date(event.occurredAt),
      fact: factOfEvent(event),
    };
    await this.log.append(logged);
    await this.projector.apply(logged);
  }

  onModuleInit(): Promise<void> {
    return this.consumer.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.consumer.stop();
  }
}
