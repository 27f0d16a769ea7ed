import type { NatsConnection } from 'nats';
import { EVENTS_STREAM, eventSubject, type EventEnvelope } from '@arogyam/contracts';
import { BUS_PRINCIPALS, eventDurablesOf, type BusPrincipalName } from '@arogyam/messaging';
import { waitFor } from './ports';

/**
 * Waits until the newest event of `type` on the JetStream events stream is the one `matches`
 * picks (e.g. by its payload's id), and answers it: proof that a write's event was published.
 */
export async function waitForLatestEvent<TEvent extends EventEnvelope>(
  nats: NatsConnection,
  type: string,
  matches: (event: TEvent) => boolean,
  timeoutMs = 10000,
): Promise<TEvent> {
  const jsm = await nats.jetstreamManager();
  // waitFor answers only a truthy value of the check: the event.
  return (await waitFor(
    async () => {
      const stored = await jsm.streams.getMessage(EVENTS_STREAM, { last_by_subj: eventSubject(type) });
      const event = stored.json<TEvent>();
      return matches(event) ? event : undefined;
    },
    timeoutMs,
    `evt.${type}`,
  )) as TEvent;
}

/** Whether each of a service's durable consumers (one per type it takes) has acked everything so far. */
export async function eventConsumersCaughtUp(
  nats: NatsConnection,
  service: BusPrincipalName,
): Promise<boolean> {
  const jsm = await nats.jetstreamManager();
  for (const durable of eventDurablesOf(service, BUS_PRINCIPALS[service].consumesEvents)) {
    const info = await jsm.consumers.info(EVENTS_STREAM, durable.name);
    if (info.num_pending > 0 || info.num_ack_pending > 0) return false;
  }
  return true;
}

/** Waits until each of a service's durable consumers has acked everything so far. */
export const waitForEventConsumers = (
  nats: NatsConnection,
  service: BusPrincipalName,
  timeoutMs = 10000,
): Promise<unknown> =>
  waitFor(
    () => eventConsumersCaughtUp(nats, service),
    timeoutMs,
    `${service}-service's consumers to catch up`,
  );
