import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { CLINICAL_ACCESSED_TYPES, type ClinicalAccessedEvent } from '@arogyam/contracts';
import { EventConsumer, NATS_CONNECTION } from '@arogyam/messaging';
import { TrailWriter } from './trail-writer';

/**
 * audit-service's durable JetStream consumers, one per `evt.<service>.clinical_accessed` (each
 * chain's events in order), shared by its instances. An event is acked after its entry is stored, so while
 * audit-service is down the accesses wait in the stream, and a redelivery is stored once.
 */
@Injectable()
export class AuditEventsConsumer implements OnModuleInit, OnModuleDestroy {
  private readonly consumer: EventConsumer;

  constructor(@Inject(NATS_CONNECTION) connection: NatsConnection, writer: TrailWriter) {
    const append = (event: unknown) => writer.append(event as ClinicalAccessedEvent);
    this.consumer = new EventConsumer(connection, {
      service: 'audit',
      handlers: Object.fromEntries(CLINICAL_ACCESSED_TYPES.map((type) => [type, append])),
    });
  }

  onModuleInit(): Promise<void> {
    return this.consumer.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.consumer.stop();
  }
}
