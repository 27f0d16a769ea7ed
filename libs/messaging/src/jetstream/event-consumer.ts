import { Logger } from '@nestjs/common';
import { AckPolicy, DeliverPolicy, JSONCodec, nanos, type ConsumerMessages, type NatsConnection } from 'nats';
import { EVENTS_STREAM, type EventEnvelope } from '@arogyam/contracts';
import { eventFilterSubject } from './event-filter';
import { ensureEventsStream } from './events-stream';
import { failureForLog } from '../errors/failure-for-log';

export type EventHandler = (event: EventEnvelope) => Promise<void>;

export interface EventConsumerOptions {
  /** The consuming service: one durable consumer per service, shared by all its instances. */
  service: string;
  /** Handlers by event type; other events on the filter are acked and ignored. */
  handlers: Record<string, EventHandler>;
  ackWaitMs?: number;
  retryDelayMs?: number;
}

const codec = JSONCodec<EventEnvelope>();

/**
 * A durable pull consumer on the events stream. A message is acked only after its handler
 * (the service's own write) succeeded; a failure is nak'ed with a delay and redelivered, so
 * handlers must be idempotent.
 */
export class EventConsumer {
  private readonly logger: Logger;
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;

  constructor(
    private readonly connection: NatsConnection,
    private readonly options: EventConsumerOptions,
  ) {
    this.logger = new Logger(`EventConsumer(${options.service})`);
  }

  get durableName(): string {
    return `${this.options.service}-service`;
  }

  async start(): Promise<void> {
    await ensureEventsStream(this.connection);
    const jsm = await this.connection.jetstreamManager();
    const filter = eventFilterSubject(Object.keys(this.options.handlers));
    try {
      await jsm.consumers.info(EVENTS_STREAM, this.durableName);
    } catch {
      await jsm.consumers
        .add(EVENTS_STREAM, {
          durable_name: this.durableName,
          ack_policy: AckPolicy.Explicit,
          deliver_policy: DeliverPolicy.All,
          filter_subject: filter,
          ack_wait: nanos(this.options.ackWaitMs ?? 30_000),
          max_deliver: -1,
        })
        .catch((error: Error) => {
          if (!/already in use|exists/i.test(error.message)) throw error;
        });
    }
    const consumer = await this.connection.jetstream().consumers.get(EVENTS_STREAM, this.durableName);
    this.messages = await consumer.consume({ max_messages: 64 });
    this.loop = this.run(this.messages);
  }

  private async run(messages: ConsumerMessages): Promise<void> {
    for await (const message of messages) {
      let event: EventEnvelope;
      try {
        event = codec.decode(message.data);
      } catch {
        this.logger.error(`Dropping an undecodable message on ${message.subject}`);
        message.term();
        continue;
      }
      const handler = this.options.handlers[event.type];
      if (!handler) {
        message.ack();
        continue;
      }
      try {
        await handler(event);
        message.ack();
      } catch (error) {
        this.logger.warn(`Handling ${event.type} ${event.id} failed, will retry: ${failureForLog(error)}`);
        message.nak(this.options.retryDelayMs ?? 1000);
      }
    }
  }

  async stop(): Promise<void> {
    this.messages?.stop();
    await this.loop;
  }
}
