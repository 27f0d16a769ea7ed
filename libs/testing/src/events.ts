import type { NatsConnection } from 'nats';
import { EVENTS_STREAM, eventSubject, type EventEnvelope } from '@arogyam/contracts';
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
