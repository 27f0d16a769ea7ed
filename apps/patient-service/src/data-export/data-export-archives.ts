import { Inject, Injectable } from '@nestjs/common';
import type { NatsConnection, ObjectStore } from 'nats';
import { PATIENT_EXPORTS_BUCKET, patientExportObjectName } from '@arogyam/contracts';
import { NATS_CONNECTION, objectStoreBucket } from '@arogyam/messaging';

/** The finished archives in their own JetStream object-store bucket, under the export's id. */
@Injectable()
export class DataExportArchives {
  private readonly store: () => Promise<ObjectStore>;

  constructor(@Inject(NATS_CONNECTION) connection: NatsConnection) {
    this.store = objectStoreBucket(connection, PATIENT_EXPORTS_BUCKET);
  }

  async put(exportId: string, archive: Uint8Array): Promise<void> {
    await (await this.store()).putBlob({ name: patientExportObjectName(exportId) }, archive);
  }

  async remove(exportId: string): Promise<void> {
    await (await this.store()).delete(patientExportObjectName(exportId));
  }
}
