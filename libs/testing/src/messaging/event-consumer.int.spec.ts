import { randomUUID } from 'node:crypto';
import { AckPolicy, JSONCodec, type NatsConnection } from 'nats';
import {
  DEAD_LETTER_STREAM,
  deadLetterReplaySubject,
  deadLetterSubject,
  EVENTS_STREAM,
  type DeadLetterReplayAnswer,
  type EventEnvelope,
} from '@arogyam/contracts';
import {
  createEvent,
  ensureEventsStream,
  EventConsumer,
  EventPublisher,
  toDeadLetterView,
} from '@arogyam/messaging';
import { useInfra } from '../infra';
import { connectAs } from '../nats-principals';
import type { Infra } from '../local-infra';
import { waitFor } from '../ports';

const QUICK_RETRY = { firstDelayMs: 200, maxDelayMs: 1000, maxDeliveries: 4 };

// Here rather than in libs/messaging: this library's harness depends on messaging, not the reverse.

/** The durable consumer on a real NATS: retries that back off, dead letters, replays, settings that follow the code. */
describe('EventConsumer', () => {
  let infra: Infra;
  let connection: NatsConnection;
  let publisher: EventPublisher;
  const consumers: EventConsumer[] = [];

  beforeAll(async () => {
    infra = await useInfra();
    connection = await connectAs(infra);
    publisher = new EventPublisher(connection);
  });

  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((consumer) => consumer.stop()));
  });

  afterAll(async () => {
    await connection.drain();
    await infra.stop();
  });

  /** A fresh service and event type per test: the stream is shared with other suites. */
  const fresh = () => {
    const tag = randomUUID().slice(0, 8);
    return { service: `probe${tag}`, type: `probe${tag}.happened` };
  };
  const start = async (consumer: EventConsumer): Promise<EventConsumer> => {
    consumers.push(consumer);
    await consumer.start();
    return consumer;
  };

  it('retries a failing event with growing delays, then keeps it as a dead letter and lets it go', async () => {
    const { service, type } = fresh();
    const calls: number[] = [];
    await start(
      new EventConsumer(connection, {
        service,
        retry: QUICK_RETRY,
        handlers: {
          [type]: async () => {
            calls.push(Date.now());
            throw new Error('refused the note "HIV+ CD4 200" for now');
          },
        },
      }),
    );
    const event = createEvent(type, { note: 'HIV+ CD4 200' });
    await publisher.publish(event);

    const jsm = await connection.jetstreamManager();
    const letter = await waitFor(
      () =>
        jsm.streams.getMessage(DEAD_LETTER_STREAM, { last_by_subj: deadLetterSubject(`${service}-service`) }),
      15_000,
      'the dead letter',
    );
    expect(calls).toHaveLength(4);
    const gaps = calls.slice(1).map((at, i) => at - calls[i]);
    // 200, 400, 800 ms: each wait at least the policy's (the server adds its own latency).
    [200, 400, 800].forEach((wanted, i) => expect(gaps[i]).toBeGreaterThanOrEqual(wanted * 0.9));
    expect(gaps[2]).toBeGreaterThan(gaps[0] * 2);
    expect(toDeadLetterView(letter)).toMatchObject({
      service: `${service}-service`,
      eventType: type,
      eventId: event.id,
      deliveries: 4,
      reason: 'Error (message withheld: it may quote user input)',
    });
    expect(JSONCodec<EventEnvelope>().decode(letter.data)).toEqual(event);
    // Given up on: never delivered again.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(calls).toHaveLength(4);
  });

  it('answers an admin’s replay by running the handler again', async () => {
    const { service, type } = fresh();
    const handled: EventEnvelope[] = [];
    let fixed = false;
    await start(
      new EventConsumer(connection, {
        service,
        retry: { ...QUICK_RETRY, maxDeliveries: 1 },
        handlers: {
          [type]: async (event) => {
            if (!fixed) throw new Error('the database was down');
            handled.push(event);
          },
        },
      }),
    );
    const event = createEvent(type, { n: 1 });
    await publisher.publish(event);
    const jsm = await connection.jetstreamManager();
    const letter = await waitFor(
      () =>
        jsm.streams.getMessage(DEAD_LETTER_STREAM, { last_by_subj: deadLetterSubject(`${service}-service`) }),
      10_000,
      'the dead letter',
    );
    const codec = JSONCodec<DeadLetterReplayAnswer>();
    const replay = async () =>
      codec.decode(
        (
          await connection.request(deadLetterReplaySubject(`${service}-service`), letter.data, {
            timeout: 5000,
          })
        ).data,
      );
    expect(await replay()).toEqual({
      handled: false,
      reason: 'Error (message withheld: it may quote user input)',
    });
    fixed = true;
    expect(await replay()).toEqual({ handled: true });
    expect(handled).toEqual([event]);
  });

  it('brings a changed filter up to date at start, from where the old consumer had got to', async () => {
    const { service, type } = fresh();
    const other = `${type.split('.')[0]}.changed`;
    const seen: string[] = [];
    const handler = async (event: EventEnvelope) => {
      seen.push(event.type);
    };
    const first = await start(new EventConsumer(connection, { service, handlers: { [type]: handler } }));
    await publisher.publish(createEvent(type, {}));
    await waitFor(() => seen.length === 1, 5000, 'the first event');
    await first.stop();
    consumers.splice(consumers.indexOf(first), 1);

    await start(new EventConsumer(connection, { service, handlers: { [type]: handler, [other]: handler } }));
    const jsm = await connection.jetstreamManager();
    const info = await jsm.consumers.info(EVENTS_STREAM, `${service}-service`);
    expect(info.config.filter_subject).toBe(`evt.${type.split('.')[0]}.*`);
    expect(info.config.max_deliver).toBe(10);
    await publisher.publish(createEvent(other, {}));
    await waitFor(() => seen.length === 2, 5000, 'the newly handled event');
    await new Promise((resolve) => setTimeout(resolve, 500));
    // The event handled before the change is not handled again.
    expect(seen).toEqual([type, other]);
  });

  it('brings an older consumer’s retry settings up to date at start', async () => {
    const { service, type } = fresh();
    const jsm = await connection.jetstreamManager();
    await ensureEventsStream(connection);
    // As every consumer was made before dead letters: redelivered forever.
    await jsm.consumers.add(EVENTS_STREAM, {
      durable_name: `${service}-service`,
      ack_policy: AckPolicy.Explicit,
      filter_subject: `evt.${type}`,
      max_deliver: -1,
    });
    await start(new EventConsumer(connection, { service, handlers: { [type]: async () => undefined } }));
    const info = await jsm.consumers.info(EVENTS_STREAM, `${service}-service`);
    expect(info.config).toMatchObject({
      filter_subject: `evt.${type}`,
      max_deliver: 10,
      ack_wait: 30_000_000_000,
    });
  });
});
