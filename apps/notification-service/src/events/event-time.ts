import type { EventEnvelope } from '@arogyam/contracts';

/**
 * Notifications about facts older than this are not sent: after a long outage, or when the
 * service first joins a stream that holds a week of events, old news would only confuse. What
 * such events say about the future (reminders) is still applied.
 */
export const MAX_NOTIFIED_EVENT_AGE_MS = 24 * 60 * 60_000;

/** When the event happened, or undefined for an envelope whose time is not a time. */
export function occurredAt(event: EventEnvelope): Date | undefined {
  const at = new Date(event.occurredAt);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

export const isStale = (at: Date, now: Date): boolean =>
  now.getTime() - at.getTime() > MAX_NOTIFIED_EVENT_AGE_MS;
