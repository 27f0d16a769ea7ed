import { JSONCodec, headers as natsHeaders, type NatsConnection } from 'nats';
import { eventSubject, type EventEnvelope } from '@arogyam/contracts';
import { ensureEventsStream } from './events-stream';

const codec = JSONCodec<EventEnvelope>();

/** Publishes an event to JetStream with `Nats-Msg-Id` = event id, so a retried publish is dropped. */
export class EventPublisher {
  private ready?: Promise<void>;

  constructor(private readonly connection: NatsConnection) {}

  async publish(event: EventEnvelope): Promise<void> {
    this.ready ??= ensureEventsStream(this.connection).catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    await this.ready;
    const h = natsHeaders();
    h.set('Arogyam-Event-Type', event.type);
    await this.connection.jetstream().publish(eventSubject(event.type), codec.encode(event), {
      msgID: event.id,
      headers: h,
    });
  }
}
