import { Inject, Injectable } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { PATIENT_EXPORTS_BUCKET, patientExportObjectName } from '@arogyam/contracts';
import { NATS_CONNECTION } from '@arogyam/messaging';
import { ObjectFileStore } from '../files/object-file-store';

/** The finished data exports: patient-service writes them and says whose each is. */
@Injectable()
export class DataExportFileStore extends ObjectFileStore {
  constructor(@Inject(NATS_CONNECTION) connection: NatsConnection) {
    super(connection, PATIENT_EXPORTS_BUCKET);
  }

  archive(exportId: string): Promise<Uint8Array | null> {
    return this.read(patientExportObjectName(exportId));
  }
}
