import { Inject, Injectable } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { DOCTOR_DOCUMENTS_BUCKET } from '@arogyam/contracts';
import { NATS_CONNECTION } from '@arogyam/messaging';
import { ObjectFileStore } from '../files/object-file-store';

/** Doctors' verification documents: doctor-service keeps the list and says who may read one. */
@Injectable()
export class DoctorDocumentStore extends ObjectFileStore {
  constructor(@Inject(NATS_CONNECTION) connection: NatsConnection) {
    super(connection, DOCTOR_DOCUMENTS_BUCKET);
  }
}
