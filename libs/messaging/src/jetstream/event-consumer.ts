import { Logger } from '@nestjs/common';
import {
  AckPolicy,
  DeliverPolicy,
  JSONCodec,
  nanos,
  type ConsumerConfig,
  type ConsumerMessages,
  type JetStreamManager,
  type JsMsg,
  type NatsConnection,
  type Subscription,
} from 'nats';
import {
  deadLetterReplaySubject,
  EVENTS_STREAM,
  type DeadLetterReplayAnswer,
  type EventEnvelope,
} from '@arogyam/contracts';
import { durableNameOf } from '../bus/bus-permissions';
import { ensureDeadLetterStream, recordDeadLetter } from './dead-letters';
import { eventFilterSubject } from './event-filter';
import { ensureEventsStream } from './events-stream';
import { failureForLog, failureSummary } from '../errors/failure-for-log';

export type EventHandler = (event: EventEnvelope) => Promise<void>;

/** How a failing event is retried before it is given up on (see EventConsumer). */
export interface RetryPolicy {
  /** The wait after the first failure; each further failure doubles it. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** Deliveries in all (the first included) before the event becomes a dead letter. */
  maxDeliveries: number;
}

/** 1 s, 2 s, 4 s … up to 5 min: ten deliveries over about nine minutes, a restart's worth. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  firstDelayMs: 1000,
  maxDelayMs: 5 * 60_000,
  maxDeliveries: 10,
};

export interface EventConsumerOptions {
  /** The consuming service: one durable consumer per service, shared by all its instances. */
  service: string;
  /** Handlers by event type; other events on the filter are acked and ignored. */
  handlers: Record<string, EventHandler>;
  ackWaitMs?: number;
  retry?: RetryPolicy;
}

const codec = JSONCodec<EventEnvelope>();
const answers = JSONCodec<DeadLetterReplayAnswer>();

/** What JetStream says when a consumer used up its deliveries on a message (e.g. a handler that hung). */
interface MaxDeliveriesAdvisory {
  stream_seq: number;
  deliveries: number;
}

/**
 * A durable pull consumer on the events stream. A message is acked only after its handler
 * (the service's own write) succeeded, so handlers must be idempotent. A failure is retried with
 * growing delays (RetryPolicy); after the last delivery the event is kept in the dead-letter stream
 * and not redelivered, where an admin can replay it (the consumer answers replays of its own).
 * The consumer's settings follow the code: a changed filter or retry policy is applied at start.
 */
export class EventConsumer {
  private readonly logger: Logger;
  private readonly retry: RetryPolicy;
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;
  private readonly subscriptions: Subscription[] = [];

  constructor(
    private readonly connection: NatsConnection,
    private readonly options: EventConsumerOptions,
  ) {
    this.logger = new Logger(`EventConsumer(${options.service})`);
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
  }

  get durableName(): string {
    return durableNameOf(this.options.service);
  }

  async start(): Promise<void> {
    await ensureEventsStream(this.connection);
    await ensureDeadLetterStream(this.connection);
    await this.ensureConsumer(await this.connection.jetstreamManager());
    this.subscriptions.push(
      this.connection.subscribe(deadLetterReplaySubject(this.durableName), {
        queue: this.durableName,
        callback: (error, message) => {
          if (!error)
            void this.replay(message.data).then((answer) => message.respond(answers.encode(answer)));
        },
      }),
      // Deliveries used up without an answer (a handler that hung, a crash loop): kept the same way.
      this.connection.subscribe(
        `$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.${EVENTS_STREAM}.${this.durableName}`,
        {
          queue: this.durableName,
          callback: (error, message) => {
            if (!error) void this.keepUnanswered(JSON.parse(message.string()) as MaxDeliveriesAdvisory);
          },
        },
      ),
    );
    const consumer = await this.connection.jetstream().consumers.get(EVENTS_STREAM, this.durableName);
    this.messages = await consumer.consume({ max_messages: 64 });
    this.loop = this.run(this.messages);
  }

  private wantedConfig(): Partial<ConsumerConfig> {
    return {
      ack_policy: AckPolicy.Explicit,
      filter_subject: eventFilterSubject(Object.keys(this.options.handlers)),
      ack_wait: nanos(this.options.ackWaitMs ?? 30_000),
      max_deliver: this.retry.maxDeliveries,
    };
  }

  /**
   * Creates the durable consumer, or brings an existing one's settings up to date. NATS 2.9 cannot
   * change a consumer's filter, so a consumer whose filter changed is made again from where the
   * old one had acknowledged everything (its ack floor): events after it are delivered, again if
   * acked out of order (handlers are idempotent); events of newly handled types from before it are
   * not.
   */
  private async ensureConsumer(jsm: JetStreamManager): Promise<void> {
    const wanted = this.wantedConfig();
    const existing = await jsm.consumers.info(EVENTS_STREAM, this.durableName).catch(() => undefined);
    if (!existing) return this.addConsumer(jsm, { deliver_policy: DeliverPolicy.All, ...wanted });
    const { config } = existing;
    if (config.filter_subject !== wanted.filter_subject) {
      const resumeAt = existing.ack_floor.stream_seq + 1;
      await jsm.consumers.delete(EVENTS_STREAM, this.durableName).catch(() => undefined);
      await this.addConsumer(jsm, {
        deliver_policy: DeliverPolicy.StartSequence,
        opt_start_seq: resumeAt,
        ...wanted,
      });
      this.logger.log(
        `Consumer ${this.durableName} now takes ${wanted.filter_subject}, from event ${resumeAt}`,
      );
      return;
    }
    if (config.ack_wait !== wanted.ack_wait || config.max_deliver !== wanted.max_deliver) {
      await jsm.consumers.update(EVENTS_STREAM, this.durableName, {
        ack_wait: wanted.ack_wait,
        max_deliver: wanted.max_deliver,
      });
      this.logger.log(`Consumer ${this.durableName} settings brought up to date`);
    }
  }

  private async addConsumer(jsm: JetStreamManager, config: Partial<ConsumerConfig>): Promise<void> {
    await jsm.consumers
      .add(EVENTS_STREAM, { durable_name: this.durableName, ...config })
      .catch((error: Error) => {
        // Another instance made it between our look and our add.
        if (!/already in use|exists/i.test(error.message)) throw error;
      });
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
        await this.failed(message, event, error);
      }
    }
  }

  /** Retries later, or, after the last delivery, keeps the event as a dead letter and lets it go. */
  private async failed(message: JsMsg, event: EventEnvelope, error: unknown): Promise<void> {
    const deliveries = message.info.deliveryCount;
    const reason = failureSummary(error);
    if (deliveries < this.retry.maxDeliveries) {
      const delayMs = Math.min(this.retry.firstDelayMs * 2 ** (deliveries - 1), this.retry.maxDelayMs);
      this.logger.warn(
        `Handling ${event.type} ${event.id} failed (delivery ${deliveries}), retrying in ${delayMs} ms: ${reason}`,
      );
      message.nak(delayMs);
      return;
    }
    try {
      await recordDeadLetter(this.connection, {
        service: this.durableName,
        eventType: event.type,
        eventId: event.id,
        reason,
        deliveries,
        data: message.data,
      });
    } catch (recordError) {
      // Not kept: retry rather than lose it (the server's max_deliver then ends it, and the advisory keeps it).
      this.logger.error(
        `Keeping ${event.type} ${event.id} as a dead letter failed: ${failureForLog(recordError)}`,
      );
      message.nak(this.retry.maxDelayMs);
      return;
    }
    this.logger.error(
      `Gave up on ${event.type} ${event.id} after ${deliveries} deliveries: ${failureForLog(error)}`,
    );
    message.term();
  }

  /** A message whose deliveries ran out unanswered, copied from the events stream. */
  private async keepUnanswered(advisory: MaxDeliveriesAdvisory): Promise<void> {
    try {
      const jsm = await this.connection.jetstreamManager();
      const stored = await jsm.streams.getMessage(EVENTS_STREAM, { seq: advisory.stream_seq });
      const event = codec.decode(stored.data);
      await recordDeadLetter(this.connection, {
        service: this.durableName,
        eventType: event.type,
        eventId: event.id,
        reason: `No answer after ${advisory.deliveries} deliveries (each waited ${this.options.ackWaitMs ?? 30_000} ms)`,
        deliveries: advisory.deliveries,
        data: stored.data,
      });
      this.logger.error(
        `Gave up on ${event.type} ${event.id}: no answer after ${advisory.deliveries} deliveries`,
      );
    } catch (error) {
      this.logger.error(
        `Could not keep event ${advisory.stream_seq} as a dead letter: ${failureForLog(error)}`,
      );
    }
  }

  /** An admin's replay of one of this service's dead letters: the handler runs once more. */
  private async replay(data: Uint8Array): Promise<DeadLetterReplayAnswer> {
    try {
      const event = codec.decode(data);
      const handler = this.options.handlers[event.type];
      if (!handler) return { handled: false, reason: `This service no longer handles ${event.type}` };
      await handler(event);
      this.logger.log(`Replayed ${event.type} ${event.id}`);
      return { handled: true };
    } catch (error) {
      return { handled: false, reason: failureSummary(error) };
    }
  }

  async stop(): Promise<void> {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    this.messages?.stop();
    await this.loop;
  }
}
