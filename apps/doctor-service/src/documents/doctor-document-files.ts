import { Inject, Injectable } from '@nestjs/common';
import type { NatsConnection, ObjectStore } from 'nats';
import { DOCTOR_DOCUMENTS_BUCKET, doctorDocumentObjectName } from '@arogyam/contracts';
import { NATS_CONNECTION, objectStoreBucket } from '@arogyam/messaging';

/**
 * The documents' files in the JetStream object store, as far as doctor-service touches them: the
 * gateway puts and reads the bytes; the upload sweep deletes a file no profile lists.
 */
@Injectable()
export class DoctorDocumentFiles {
  private readonly store: () => Promise<ObjectStore>;

  constructor(@Inject(NATS_CONNECTION) connection: NatsConnection) {
    this.store = objectStoreBucket(connection, DOCTOR_DOCUMENTS_BUCKET);
  }

  /** Deletes the document's file; whether there was one. */
  async remove(doctorId: string, documentId: string): Promise<boolean> {
    const store = await this.store();
    const name = doctorDocumentObjectName(doctorId, documentId);
    const info = await store.info(name);
    if (!info || info.deleted) return false;
    await store.delete(name);
    return true;
  }
}
