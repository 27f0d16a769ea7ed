import { Inject, Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import type { NatsConnection, ObjectStore } from 'nats';
import { HEALTH_RECORDS_BUCKET, healthRecordObjectName } from '@arogyam/contracts';
import { NATS_CONNECTION, objectStoreBucket } from '@arogyam/messaging';

const UNAVAILABLE = 'Files cannot be stored or read right now. Please try again in a minute.';

/**
 * The gateway's side of the records' files: it streams an upload into the JetStream object store
 * before patient-service records it, and reads a file back once patient-service said who may.
 * Files are bigger than a NATS message may be, so they do not travel in requests.
 */
@Injectable()
export class HealthRecordFileStore {
  private readonly logger = new Logger(HealthRecordFileStore.name);
  private readonly store: () => Promise<ObjectStore>;

  constructor(@Inject(NATS_CONNECTION) connection: NatsConnection) {
    this.store = objectStoreBucket(connection, HEALTH_RECORDS_BUCKET);
  }

  async put(recordId: string, bytes: Uint8Array): Promise<void> {
    try {
      await (await this.store()).putBlob({ name: healthRecordObjectName(recordId) }, bytes);
    } catch (error) {
      this.logger.error(`Storing the file of record ${recordId}: ${(error as Error).message}`);
      throw new ServiceUnavailableException(UNAVAILABLE);
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

  /** An upload patient-service refused: its file must not stay behind. */
  async discard(recordId: string): Promise<void> {
    await (
      await this.store()
    )
      .delete(healthRecordObjectName(recordId))
      .catch((error: Error) => this.logger.warn(`Discarding the file of ${recordId}: ${error.message}`));
  }
}
