import type { NatsConnection, StreamConfig } from 'nats';

/**
 * Creates the stream unless it exists. Every publisher and consumer ensures the streams it uses on
 * start, so there is no ordering between services' start-ups.
 */
export async function ensureStream(
  connection: NatsConnection,
  config: Partial<StreamConfig> & Pick<StreamConfig, 'name'>,
): Promise<void> {
  const jsm = await connection.jetstreamManager();
  try {
    await jsm.streams.info(config.name);
    return;
  } catch {
    // not there yet
  }
  try {
    await jsm.streams.add(config);
  } catch (error) {
    // Another service created it between our look and our add.
    if (!/already in use/i.test((error as Error).message)) throw error;
  }
}
