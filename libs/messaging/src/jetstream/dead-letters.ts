import { headers, nanos, RetentionPolicy, StorageType, type NatsConnection, type StoredMsg } from 'nats';
import { DEAD_LETTER_STREAM, deadLetterSubject, type DeadLetterView } from '@arogyam/contracts';
import { ensureStream } from './ensure-stream';

/** How long a dead letter is kept for an admin to look at and replay. */
const KEPT_MS = 30 * 24 * 60 * 60 * 1000;

const HEADER = {
  service: 'Arogyam-Service',
  eventType: 'Arogyam-Event-Type',
  eventId: 'Arogyam-Event-Id',
  reason: 'Arogyam-Reason',
  deliveries: 'Arogyam-Deliveries',
} as const;

/** An event a service's consumer gave up on, as it is recorded. */
export interface DeadLetter {
  service: string;
  eventType: string;
  eventId: string;
  reason: string;
  deliveries: number;
  /** The event exactly as it was on the events stream. */
  data: Uint8Array;
}

/** The dead-letter stream, `dead.>`; ensured by every consumer on start, like the events stream. */
export function ensureDeadLetterStream(connection: NatsConnection): Promise<void> {
  return ensureStream(connection, {
    name: DEAD_LETTER_STREAM,
    subjects: ['dead.>'],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    max_age: nanos(KEPT_MS),
    duplicate_window: nanos(10 * 60 * 1000),
  });
}

/** Keeps the event for an admin; two instances recording the same one keep it once. */
export async function recordDeadLetter(connection: NatsConnection, letter: DeadLetter): Promise<void> {
  const about = headers();
  about.set(HEADER.service, letter.service);
  about.set(HEADER.eventType, letter.eventType);
  about.set(HEADER.eventId, letter.eventId);
  about.set(HEADER.reason, letter.reason);
  about.set(HEADER.deliveries, String(letter.deliveries));
  await connection.jetstream().publish(deadLetterSubject(letter.service), letter.data, {
    msgID: `${letter.service}:${letter.eventId}`,
    headers: about,
  });
}

/** A stored dead letter as admins see it (no payload). */
export function toDeadLetterView(message: StoredMsg): DeadLetterView {
  const about = message.header;
  return {
    seq: message.seq,
    service: about?.get(HEADER.service) ?? '',
    eventType: about?.get(HEADER.eventType) ?? '',
    eventId: about?.get(HEADER.eventId) ?? '',
    reason: about?.get(HEADER.reason) ?? '',
    deliveries: Number(about?.get(HEADER.deliveries) ?? 0),
    deadAt: message.time.toISOString(),
  };
}

/** The service a stored dead letter belongs to. */
export const serviceOf = (message: StoredMsg): string => message.header?.get(HEADER.service) ?? '';
