import { Logger } from '@nestjs/common';
import { JSONCodec, type ConsumerMessages, type JsMsg, type NatsConnection, type Subscription } from 'nats';
import {
  deadLetterReplaySubject,
  EVENTS_STREAM,
  UserEventTypes,
  type DeadLetterReplayAnswer,
  type EventEnvelope,
} from '@arogyam/contracts';
import { ArrivalQueue } from './arrival-queue';
import { hasHandledEverythingBefore } from './consumer-progress';
import { ensureDeadLetterStream, recordDeadLetter } from './dead-letters';
import { ensureEventDurables } from './event-durables';
import { durableNameOf, eventDurablesOf, type EventDurable } from './event-filter';
import { ensureEventsStream } from './events-stream';
import { failureForLog, failureSummary } from '../errors/failure-for-log';

export type EventHandler = (event: EventEnvelope) => Promise<void>;

/** Handles several events of one type together (see EventConsumerOptions.batchHandlers). */
export type EventBatchHandler = (events: EventEnvelope[]) => Promise<void>;

/** The most events one batch handler call takes. */
export const MAX_EVENT_BATCH = 50;

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

/**
 * Event types a service handles only after every event of its other types stored before them: an
 * erasure must not be overtaken by an event that would write what it erased (the erasure's own
 * cancellations, a booking still queued), as it was not when one consumer took them all in order.
 */
export const HANDLED_AFTER_EARLIER_EVENTS: readonly string[] = [UserEventTypes.erased];

/** Longer than an earlier event's own retries (about nine minutes) before it becomes a dead letter. */
const AFTER_EARLIER_MAX_WAIT_MS = 10 * 60_000;
const AFTER_EARLIER_POLL_MS = 200;

export interface EventConsumerOptions {
  /** The consuming service: one durable consumer per handled type, each shared by all its instances. */
  service: string;
  /** Handlers by event type: each type is one durable consumer filtered on exactly that type. */
  handlers: Record<string, EventHandler>;
  /**
   * For types whose events are cheaper written together: the events of the type that arrived while
   * the previous ones were being handled (up to MAX_EVENT_BATCH), in one call, each acked after it.
   * A lone event goes to its handler. When the call fails, each event is handled alone by its
   * handler, with its own retries: so the call must be idempotent and leave what the handler would.
   * Not for the types in `afterEarlierEvents`.
   */
  batchHandlers?: Record<string, EventBatchHandler>;
  ackWaitMs?: number;
  retry?: RetryPolicy;
  /** Types handled only after the service's earlier events of other types; HANDLED_AFTER_EARLIER_EVENTS by default. */
  afterEarlierEvents?: readonly string[];
  /** How long such an event waits for them before it is handled anyway (a warning says so). */
  afterEarlierMaxWaitMs?: number;
}

const codec = JSONCodec<EventEnvelope>();
const answers = JSONCodec<DeadLetterReplayAnswer>();

/** What JetStream says when a consumer used up its deliveries on a message (e.g. a handler that hung). */
interface MaxDeliveriesAdvisory {
  stream_seq: number;
  deliveries: number;
}

/**
 * A service's durable pull consumers on the events stream, one per handled event type, each
 * filtered on exactly that type's subject (so no other event reaches the service) and each with its
 * own pull loop, shared by all the service's instances. A message is acked only after its handler
 * (the service's own write) succeeded, so handlers must be idempotent. A failure is retried with
 * growing delays (RetryPolicy); after the last delivery the event is kept in the dead-letter stream
 * (`dead.<service>-service`, one for the service) and not redelivered, where an admin can replay it
 * (the service answers replays of its own). The consumers' settings follow the code at start.
 * Types are handled in stream order each, and the types in `afterEarlierEvents` after every
 * earlier event of the service's other types. A type with a batch handler takes the events that
 * queued up meanwhile in one call: under load one write stores many (docs/decisions.md, "Messaging").
 */
export class EventConsumer {
  private readonly logger: Logger;
  private readonly retry: RetryPolicy;
  private readonly durables: EventDurable[];
  private readonly afterEarlier: ReadonlySet<string>;
  private readonly runs: Array<{ messages: ConsumerMessages; loop: Promise<void> }> = [];
  private readonly subscriptions: Subscription[] = [];
  private stopping = false;

  constructor(
    private readonly connection: NatsConnection,
    private readonly options: EventConsumerOptions,
  ) {
    this.logger = new Logger(`EventConsumer(${options.service})`);
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.durables = eventDurablesOf(options.service, Object.keys(options.handlers));
    this.afterEarlier = new Set(options.afterEarlierEvents ?? HANDLED_AFTER_EARLIER_EVENTS);
  }

  /** The service's name on the bus: its dead letters and their replay (`<service>-service`). */
  get serviceName(): string {
    return durableNameOf(this.options.service);
  }

  /** The durable consumers, one per handled type. */
  get durableNames(): string[] {
    return this.durables.map((durable) => durable.name);
  }

  async start(): Promise<void> {
    await ensureEventsStream(this.connection);
    await ensureDeadLetterStream(this.connection);
    await ensureEventDurables(await this.connection.jetstreamManager(), this.serviceName, this.durables, {
      ackWaitMs: this.ackWaitMs,
      maxDeliveries: this.retry.maxDeliveries,
      logger: this.logger,
    });
    this.subscriptions.push(
      this.connection.subscribe(deadLetterReplaySubject(this.serviceName), {
        queue: this.serviceName,
        callback: (error, message) => {
          if (!error)
            void this.replay(message.data).then((answer) => message.respond(answers.encode(answer)));
        },
      }),
      // Deliveries used up without an answer (a handler that hung, a crash loop): kept the same way.
      ...this.durables.map((durable) =>
        this.connection.subscribe(
          `$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.${EVENTS_STREAM}.${durable.name}`,
          {
            queue: durable.name,
            callback: (error, message) => {
              if (!error) void this.keepUnanswered(JSON.parse(message.string()) as MaxDeliveriesAdvisory);
            },
          },
        ),
      ),
    );
    for (const durable of this.durables) {
      const consumer = await this.connection.jetstream().consumers.get(EVENTS_STREAM, durable.name);
      const messages = await consumer.consume({ max_messages: 64 });
      this.runs.push({ messages, loop: this.run(durable, messages) });
    }
  }

  private get ackWaitMs(): number {
    return this.options.ackWaitMs ?? 30_000;
  }

  /**
   * Receives the durable's messages while the previous ones are handled: those that arrive
   * meanwhile are handled together when the type has a batch handler, else one after another.
   */
  private async run(durable: EventDurable, messages: ConsumerMessages): Promise<void> {
    const together = this.batchHandlerOf(durable) !== undefined;
    const arrivals = new ArrivalQueue<JsMsg>(together ? MAX_EVENT_BATCH : 1);
    const handling = this.handleArrivals(durable, arrivals);
    try {
      for await (const message of messages) await arrivals.put(message);
    } finally {
      arrivals.close();
      await handling;
    }
  }

  private batchHandlerOf(durable: EventDurable): EventBatchHandler | undefined {
    return this.afterEarlier.has(durable.type) ? undefined : this.options.batchHandlers?.[durable.type];
  }

  private async handleArrivals(durable: EventDurable, arrivals: ArrivalQueue<JsMsg>): Promise<void> {
    for (let batch = await arrivals.takeAll(); batch.length > 0; batch = await arrivals.takeAll()) {
      try {
        const events = batch.flatMap((message) => {
          const event = this.ownEvent(durable, message);
          return event ? [{ message, event }] : [];
        });
        const many = this.batchHandlerOf(durable);
        if (many && events.length > 1 && (await this.handledTogether(many, events))) continue;
        for (const { message, event } of events) await this.handleOne(durable, message, event);
      } catch (error) {
        // An ack that could not be sent (the connection closing): JetStream redelivers after the ack wait.
        this.logger.error(`Handling ${durable.type} events failed: ${failureForLog(error)}`);
      }
    }
  }

  /** The message's event, if it is one of the durable's type; anything else is dropped. */
  private ownEvent(durable: EventDurable, message: JsMsg): EventEnvelope | undefined {
    let event: EventEnvelope;
    try {
      event = codec.decode(message.data);
    } catch {
      this.logger.error(`Dropping an undecodable message on ${message.subject}`);
      message.term();
      return undefined;
    }
    if (!this.options.handlers[event.type] || event.type !== durable.type) {
      // The filter lets only its type through: an envelope naming another type is not ours.
      this.logger.error(`Dropping ${event.type} ${event.id} found on ${message.subject}`);
      message.term();
      return undefined;
    }
    return event;
  }

  /** True when the batch handler stored them all (each is then acked); false leaves them to handleOne. */
  private async handledTogether(
    many: EventBatchHandler,
    events: Array<{ message: JsMsg; event: EventEnvelope }>,
  ): Promise<boolean> {
    // One event twice (redelivered while its first delivery still waited here) is handled once.
    const distinct = new Map(events.map(({ event }) => [event.id, event]));
    try {
      await many([...distinct.values()]);
    } catch (error) {
      this.logger.warn(
        `Handling ${events.length} ${events[0].event.type} events together failed, handling each alone: ${failureSummary(error)}`,
      );
      return false;
    }
    for (const { message } of events) message.ack();
    return true;
  }

  private async handleOne(durable: EventDurable, message: JsMsg, event: EventEnvelope): Promise<void> {
    try {
      if (this.afterEarlier.has(event.type) && !(await this.untilEarlierHandled(message, durable, event))) {
        message.nak();
        return;
      }
      await this.options.handlers[event.type](event);
      message.ack();
    } catch (error) {
      await this.failed(message, event, error);
    }
  }

  /**
   * Waits until the service's other consumers have handled every event stored before this one
   * (keeping this one's delivery alive meanwhile). False when the service is stopping: the event
   * is then left to the next delivery.
   */
  private async untilEarlierHandled(
    message: JsMsg,
    own: EventDurable,
    event: EventEnvelope,
  ): Promise<boolean> {
    const jsm = await this.connection.jetstreamManager();
    const seq = message.info.streamSequence;
    const giveUpAt = Date.now() + (this.options.afterEarlierMaxWaitMs ?? AFTER_EARLIER_MAX_WAIT_MS);
    let signalledAt = Date.now();
    for (const other of this.durables.filter((durable) => durable !== own)) {
      while (!(await hasHandledEverythingBefore(jsm, other, seq))) {
        if (this.stopping) return false;
        if (Date.now() >= giveUpAt) {
          this.logger.warn(
            `Handling ${event.type} ${event.id} before an earlier ${other.type} still unhandled`,
          );
          return true;
        }
        if (Date.now() - signalledAt >= this.ackWaitMs / 3) {
          message.working();
          signalledAt = Date.now();
        }
        await new Promise((resolve) => setTimeout(resolve, AFTER_EARLIER_POLL_MS));
      }
    }
    return true;
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
        service: this.serviceName,
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
        service: this.serviceName,
        eventType: event.type,
        eventId: event.id,
        reason: `No answer after ${advisory.deliveries} deliveries (each waited ${this.ackWaitMs} ms)`,
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
    this.stopping = true;
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    for (const { messages } of this.runs) messages.stop();
    await Promise.all(this.runs.splice(0).map(({ loop }) => loop));
  }
}
