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

/**
 * The durable consumers on a real NATS: one per handled type and nothing else delivered, retries
 * that back off, dead letters, replays, erasures after earlier events, settings that follow the code.
 */
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

  /** A consumer's deliveries so far, handled or not: what its filter let through. */
  const deliveredTo = async (durable: string): Promise<number> =>
    (await (await connection.jetstreamManager()).consumers.info(EVENTS_STREAM, durable)).delivered
      .consumer_seq;

  it('delivers no event of a type the service does not handle, two-token ones included', async () => {
    const { service } = fresh();
    const booked = `${service}.booked`;
    const erased = `${service}x.erased`;
    const seen: string[] = [];
    const consumer = await start(
      new EventConsumer(connection, {
        service,
        handlers: Object.fromEntries(
          [booked, erased].map((type) => [type, async (event: EventEnvelope) => void seen.push(event.type)]),
        ),
      }),
    );
    // Of the same length and the same first or last token: all of them under `evt.*.*`, the one
    // filter a single consumer of both types had.
    for (const type of [
      `${service}.cancelled`,
      booked,
      `${service}x.registered`,
      `${service}y.booked`,
      erased,
    ])
      await publisher.publish(createEvent(type, { note: 'HIV+ CD4 200' }));
    await waitFor(() => seen.length === 2, 5000, 'the handled events');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(seen.sort()).toEqual([booked, erased].sort());
    expect(consumer.durableNames).toEqual([
      `${service}-service_${service}_booked`,
      `${service}-service_${service}x_erased`,
    ]);
    for (const durable of consumer.durableNames)
      expect({ durable, delivered: await deliveredTo(durable) }).toEqual({ durable, delivered: 1 });
  });

  it('takes over from the one consumer per service of before, from where it had got to, and removes it', async () => {
    const { service, type } = fresh();
    const other = `${type.split('.')[0]}.changed`;
    const jsm = await connection.jetstreamManager();
    await ensureEventsStream(connection);
    // The consumer the code before made: one per service, on the one filter covering its types.
    const before = `${service}-service`;
    await jsm.consumers.add(EVENTS_STREAM, {
      durable_name: before,
      ack_policy: AckPolicy.Explicit,
      filter_subject: `evt.${type.split('.')[0]}.*`,
      max_deliver: 10,
    });
    const handledBefore = createEvent(type, { n: 1 });
    await publisher.publish(handledBefore);
    const old = await connection.jetstream().consumers.get(EVENTS_STREAM, before);
    const message = await old.next({ expires: 5000 });
    expect(message?.json<EventEnvelope>().id).toBe(handledBefore.id);
    message?.ack();
    await message?.ackAck();
    // Published while the service was being upgraded: waiting, not handled yet.
    const waiting = [createEvent(other, { n: 2 }), createEvent(type, { n: 3 })];
    for (const event of waiting) await publisher.publish(event);

    const seen: string[] = [];
    const handler = async (event: EventEnvelope) => void seen.push(event.id);
    await start(new EventConsumer(connection, { service, handlers: { [type]: handler, [other]: handler } }));
    await waitFor(() => seen.length === 2, 5000, 'the waiting events');
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Each waiting event once, by its type's own consumer; the one handled before, not again.
    expect(seen.sort()).toEqual(waiting.map(({ id }) => id).sort());
    expect(await jsm.consumers.info(EVENTS_STREAM, before).catch(() => 'removed')).toBe('removed');
  });

  it('gives a newly handled type its own consumer, from where the service had got to', async () => {
    const { service, type } = fresh();
    const other = `${type.split('.')[0]}.changed`;
    const seen: string[] = [];
    const handler = async (event: EventEnvelope) => void seen.push(event.type);
    const first = await start(new EventConsumer(connection, { service, handlers: { [type]: handler } }));
    await publisher.publish(createEvent(other, {}));
    await publisher.publish(createEvent(type, {}));
    await waitFor(() => seen.length === 1, 5000, 'the first event');
    await first.stop();
    consumers.splice(consumers.indexOf(first), 1);

    await start(new EventConsumer(connection, { service, handlers: { [type]: handler, [other]: handler } }));
    const jsm = await connection.jetstreamManager();
    const info = await jsm.consumers.info(EVENTS_STREAM, `${service}-service_${other.split('.').join('_')}`);
    expect(info.config).toMatchObject({ filter_subject: `evt.${other}`, max_deliver: 10 });
    await publisher.publish(createEvent(other, {}));
    await waitFor(() => seen.length === 2, 5000, 'the newly handled event');
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Neither the event handled before the change again, nor one of the new type from before it.
    expect(seen).toEqual([type, other]);
  });

  it('handles an erasure only after the earlier events of the service’s other types', async () => {
    const { service, type } = fresh();
    const erasure = `${type.split('.')[0]}.erased`;
    const order: string[] = [];
    await start(
      new EventConsumer(connection, {
        service,
        afterEarlierEvents: [erasure],
        handlers: {
          // Slow, as a notice that asks two services for the people's contacts.
          [type]: async (event) => {
            await new Promise((resolve) => setTimeout(resolve, 800));
            order.push(`${event.type}:${String((event.payload as { n: number }).n)}`);
          },
          [erasure]: async (event) =>
            void order.push(`${event.type}:${String((event.payload as { n: number }).n)}`),
        },
      }),
    );
    await publisher.publish(createEvent(type, { n: 1 }));
    await publisher.publish(createEvent(type, { n: 2 }));
    await publisher.publish(createEvent(erasure, { n: 3 }));
    await waitFor(() => order.length === 3, 10_000, 'the three events');
    expect(order).toEqual([`${type}:1`, `${type}:2`, `${erasure}:3`]);
    // What comes after it does not hold it up.
    await publisher.publish(createEvent(erasure, { n: 4 }));
    await publisher.publish(createEvent(type, { n: 5 }));
    await waitFor(() => order.length === 5, 10_000, 'the next two');
    expect(order.slice(3)).toEqual([`${erasure}:4`, `${type}:5`]);
  });

  it('takes the events that queued up while it was busy in one call, each alone when that call fails', async () => {
    const { service, type } = fresh();
    const calls: string[] = [];
    let release: () => void = () => undefined;
    let failTogether = false;
    const n = (event: EventEnvelope): number => (event.payload as { n: number }).n;
    await start(
      new EventConsumer(connection, {
        service,
        handlers: {
          [type]: async (event) => {
            // The first of each round holds the consumer busy while the rest queue up.
            if (n(event) % 10 === 1) await new Promise<void>((resolve) => (release = resolve));
            calls.push(`one:${n(event)}`);
          },
        },
        batchHandlers: {
          [type]: async (events) => {
            calls.push(`many:${events.map(n).join(',')}`);
            if (failTogether) throw new Error('one of them could not be stored');
          },
        },
      }),
    );
    const durable = `${service}-service_${type.split('.').join('_')}`;
    const pendingOf = async (name: string) => {
      const info = await (await connection.jetstreamManager()).consumers.info(EVENTS_STREAM, name);
      return {
        delivered: info.delivered.consumer_seq,
        unacked: info.num_ack_pending,
        waiting: info.num_pending,
      };
    };

    await publisher.publish(createEvent(type, { n: 1 }));
    await waitFor(async () => (await pendingOf(durable)).delivered === 1 || undefined, 10_000, 'the first');
    const queued = [2, 3, 4, 5].map((next) => createEvent(type, { n: next }));
    for (const event of queued) await publisher.publish(event);
    // One of them stored twice (no Nats-Msg-Id to drop the copy): in one batch, handled once.
    await connection.jetstream().publish(`evt.${type}`, JSONCodec<EventEnvelope>().encode(queued[1]));
    await waitFor(async () => (await pendingOf(durable)).delivered === 6 || undefined, 10_000, 'the rest');
    release();
    await waitFor(() => calls.length === 2 || undefined, 10_000, 'both calls');
    expect(calls).toEqual(['one:1', 'many:2,3,4,5']);
    await waitFor(async () => (await pendingOf(durable)).unacked === 0 || undefined, 10_000, 'every ack');

    calls.length = 0;
    failTogether = true;
    await publisher.publish(createEvent(type, { n: 11 }));
    await waitFor(async () => (await pendingOf(durable)).delivered === 7 || undefined, 10_000, 'the first');
    for (const next of [12, 13]) await publisher.publish(createEvent(type, { n: next }));
    await waitFor(async () => (await pendingOf(durable)).delivered === 9 || undefined, 10_000, 'the rest');
    release();
    await waitFor(() => calls.length === 4 || undefined, 10_000, 'each alone');
    expect(calls).toEqual(['one:11', 'many:12,13', 'one:12', 'one:13']);
    await waitFor(async () => (await pendingOf(durable)).unacked === 0 || undefined, 10_000, 'every ack');
    expect(await pendingOf(durable)).toEqual({ delivered: 9, unacked: 0, waiting: 0 });
  });

  it('brings an older consumer’s retry settings up to date at start', async () => {
    const { service, type } = fresh();
    const jsm = await connection.jetstreamManager();
    await ensureEventsStream(connection);
    // As every consumer was made before dead letters: redelivered forever.
    const durable = `${service}-service_${type.split('.').join('_')}`;
    await jsm.consumers.add(EVENTS_STREAM, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      filter_subject: `evt.${type}`,
      max_deliver: -1,
    });
    await start(new EventConsumer(connection, { service, handlers: { [type]: async () => undefined } }));
    const info = await jsm.consumers.info(EVENTS_STREAM, durable);
    expect(info.config).toMatchObject({
      filter_subject: `evt.${type}`,
      max_deliver: 10,
      ack_wait: 30_000_000_000,
    });
  });
});
