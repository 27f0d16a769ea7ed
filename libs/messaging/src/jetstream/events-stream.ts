import { nanos, RetentionPolicy, StorageType, type NatsConnection } from 'nats';
import { EVENTS_STREAM } from '@arogyam/contracts';
import { ensureStream } from './ensure-stream';

/**
 * The one stream of domain events, `evt.>`. The duplicate window is what makes Nats-Msg-Id dedup
 * the outbox relay's retries.
 */
export function ensureEventsStream(connection: NatsConnection): Promise<void> {
  return ensureStream(connection, {
    name: EVENTS_STREAM,
    subjects: ['evt.>'],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    max_age: nanos(7 * 24 * 60 * 60 * 1000),
    duplicate_window: nanos(10 * 60 * 1000),
  });
}
