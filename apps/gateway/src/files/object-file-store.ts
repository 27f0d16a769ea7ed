import { Logger, ServiceUnavailableException } from '@nestjs/common';
import type { NatsConnection, ObjectStore } from 'nats';
import { RpcCallError, objectStoreBucket } from '@arogyam/messaging';

const UNAVAILABLE = 'Files cannot be stored or read right now. Please try again in a minute.';

/**
 * Uploaded files in one JetStream object-store bucket: the gateway streams an upload in before the
 * owning service records it, and reads a file back once that service said who may. Files are
 * bigger than a NATS message may be, so they do not travel in requests.
 */
export class ObjectFileStore {
  private readonly logger: Logger;
  private readonly store: () => Promise<ObjectStore>;

  constructor(connection: NatsConnection, bucket: string) {
    this.store = objectStoreBucket(connection, bucket);
    this.logger = new Logger(`ObjectFileStore(${bucket})`);
  }

  async putObject(objectName: string, bytes: Uint8Array): Promise<void> {
    try {
      await (await this.store()).putBlob({ name: objectName }, bytes);
    } catch (error) {
      this.logger.error(`Storing ${objectName}: ${(error as Error).message}`);
      throw new ServiceUnavailableException(UNAVAILABLE);
    }
  }

  /**
   * Stores an upload, then has its service record it (`record`); a file the service refused, or
   * that no service received, is discarded before the answer, so no file nobody lists stays
   * behind. After a timeout or a failure the service may have recorded it (the answer was what got
   * lost), and a record whose file was discarded would be a patient's document lost: the file
   * stays, unlisted if it was not recorded (docs/decisions.md, "Health records").
   */
  async putThenRecord<T>(objectName: string, bytes: Uint8Array, record: () => Promise<T>): Promise<T> {
    await this.putObject(objectName, bytes);
    try {
      return await record();
    } catch (error) {
      if (surelyNotRecorded(error)) await this.discardObject(objectName);
      throw error;
    }
  }

  /** The file's bytes (checked against their digest by the object store), or null if gone. */
  async read(objectName: string): Promise<Uint8Array | null> {
    try {
      return await (await this.store()).getBlob(objectName);
    } catch (error) {
      this.logger.error(`Reading ${objectName}: ${(error as Error).message}`);
      throw new ServiceUnavailableException(UNAVAILABLE);
    }
  }

  /** A file its service refused or no longer lists: it must not stay behind. */
  async discardObject(objectName: string): Promise<void> {
    await (
      await this.store()
    )
      .delete(objectName)
      .catch((error: Error) => this.logger.warn(`Discarding ${objectName}: ${error.message}`));
  }
}

/** A refusal (4xx) or no service to ask (503); a timeout (504) or a failure (500) may have recorded it. */
function surelyNotRecorded(error: unknown): boolean {
  if (!(error instanceof RpcCallError)) return false;
  const { statusCode } = error.payload;
  return (statusCode >= 400 && statusCode < 500) || statusCode === 503;
}
