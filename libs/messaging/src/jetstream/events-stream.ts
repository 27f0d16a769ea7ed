import { nanos, RetentionPolicy, StorageType, type NatsConnection } from 'nats';
import { EVENTS_STREAM } from '@arogyam/contracts';

/**
 * The one stream of domain events, `evt.>`. Every publisher and consumer ensures it on start,
 * so there is no ordering between services' start-ups. The duplicate window is what makes
 * Nats-Msg-Id dedup the outbox relay's retries.
 */
export async function ensureEventsStream(connection: NatsConnection): Promise<void> {
  const jsm = await connection.jetstreamManager();
  try {
    await jsm.streams.info(EVENTS_STREAM);
    return;
  } catch {
    // not there yet
  }
  try {
    await jsm.streams.add({
      name: EVENTS_STREAM,
      subjects: ['evt.>'],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      max_age: nanos(7 * 24 * 60 * 60 * 1000),
      duplicate_window: nanos(10 * 60 * 1000),
    });
  } catch (error) {
    // Another service created it between our look and our add.
    if (!/already in use/i.test((error as Error).message)) throw error;
  }
}
