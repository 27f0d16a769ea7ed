import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { AppointmentEventTypes } from '@arogyam/contracts';
import { EventConsumer, NATS_CONNECTION } from '@arogyam/messaging';
import { CancellationRefunds } from './cancellation-refunds';

/**
 * payment-service's durable JetStream consumer (`payment-service_appointment_cancelled`, shared by
 * its instances), on `evt.appointment.cancelled`. An event is acked after its refund is written; a failure (the
 * provider down, a refund under way elsewhere) naks it, and the refund claim makes the repeat a no-op.
 */
@Injectable()
export class PaymentEventsConsumer implements OnModuleInit, OnModuleDestroy {
  private readonly consumer: EventConsumer;

  constructor(@Inject(NATS_CONNECTION) connection: NatsConnection, cancellations: CancellationRefunds) {
    this.consumer = new EventConsumer(connection, {
      service: 'payment',
      handlers: { [AppointmentEventTypes.cancelled]: (event) => cancellations.handle(event) },
    });
  }

  onModuleInit(): Promise<void> {
    return this.consumer.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.consumer.stop();
  }
}
