import { Inject, Injectable } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { HEALTH_RECORDS_BUCKET } from '@arogyam/contracts';
import { NATS_CONNECTION } from '@arogyam/messaging';
import { ObjectFileStore } from '../files/object-file-store';

/** The records' files: patient-service owns the records and says who may read a file. */
@Injectable()
export class HealthRecordFileStore extends ObjectFileStore {
  constructor(@Inject(NATS_CONNECTION) connection: NatsConnection) {
    super(connection, HEALTH_RECORDS_BUCKET);
  }
}
