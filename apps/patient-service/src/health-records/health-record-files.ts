import { Inject, Injectable } from '@nestjs/common';
import type { NatsConnection, ObjectInfo, ObjectStore } from 'nats';
import { HEALTH_RECORDS_BUCKET, healthRecordObjectName } from '@arogyam/contracts';
import { NATS_CONNECTION, objectStoreBucket } from '@arogyam/messaging';

/**
 * The records' files in the JetStream object store: the gateway puts them there, and the record
 * here is what makes a file visible to anyone.
 */
@Injectable()
export class HealthRecordFiles {
  private readonly store: () => Promise<ObjectStore>;

  constructor(@Inject(NATS_CONNECTION) connection: NatsConnection) {
    this.store = objectStoreBucket(connection, HEALTH_RECORDS_BUCKET);
  }

  /** The stored file of a record, or null if there is none. */
  async info(recordId: string): Promise<ObjectInfo | null> {
    const info = await (await this.store()).info(healthRecordObjectName(recordId));
    return info && !info.deleted ? info : null;
  }

  /** The file's bytes (checked against their digest by the object store), or null if gone. */
  async bytes(recordId: string): Promise<Uint8Array | null> {
    return (await this.store()).getBlob(healthRecordObjectName(recordId));
  }

  async remove(recordId: string): Promise<void> {
    await (await this.store()).delete(healthRecordObjectName(recordId));
  }
}
