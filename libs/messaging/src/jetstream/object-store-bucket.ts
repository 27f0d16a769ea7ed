import { StorageType, type NatsConnection, type ObjectStore } from 'nats';

/**
 * A JetStream object-store bucket, opened (and created if missing) on first use and kept; a
 * failed open is forgotten, so the next use tries again once JetStream is back.
 */
export function objectStoreBucket(connection: NatsConnection, bucket: string): () => Promise<ObjectStore> {
  let opened: Promise<ObjectStore> | undefined;
  return () => {
    opened ??= connection
      .jetstream()
      .views.os(bucket, { storage: StorageType.File })
      .catch((error: unknown) => {
        opened = undefined;
        throw error;
      });
    return opened;
  };
}
