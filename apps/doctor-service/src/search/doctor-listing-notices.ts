import { Inject, Injectable } from '@nestjs/common';
import { JSONCodec, type NatsConnection } from 'nats';
import {
  DOCTOR_DIRECTORY_CHANGED,
  DOCTOR_FREE_TIMES_CHANGED,
  type DoctorDirectoryChange,
} from '@arogyam/contracts';
import { NATS_CONNECTION } from '@arogyam/messaging';
import { DoctorServiceConfig } from '../config/doctor-service.config';

const codec = JSONCodec<DoctorDirectoryChange>();

/**
 * Tells every gateway that a doctor's listing changed (`doctor.directory.changed`, plain NATS), so
 * they drop their cached search answers. Search itself reads the database, so no doctor-service
 * instance needs it. Sent by the instance that made the change, after the write and before it
 * answers: on the same connection as the answer, so it leaves first.
 */
@Injectable()
export class DoctorListingNotices {
  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    private readonly config: DoctorServiceConfig,
  ) {}

  changed(doctorId: string): void {
    this.connection.publish(
      DOCTOR_DIRECTORY_CHANGED,
      codec.encode({ id: doctorId, origin: this.config.INSTANCE_ID }),
    );
  }

  /** Only the doctor's first free slot changed: gateways drop the answers that depend on free times. */
  freeTimesChanged(doctorId: string): void {
    this.connection.publish(
      DOCTOR_FREE_TIMES_CHANGED,
      codec.encode({ id: doctorId, origin: this.config.INSTANCE_ID }),
    );
  }
}
