import { Inject, Injectable } from '@nestjs/common';
import { JSONCodec, type NatsConnection } from 'nats';
import { DOCTOR_SLOTS_CHANGED, type DoctorSlotsChange } from '@arogyam/contracts';
import { NATS_CONNECTION } from '@arogyam/messaging';
import { NextFreeAnnouncer } from './next-free-announcer';

const codec = JSONCodec<DoctorSlotsChange>();

/**
 * Tells gateways that a doctor's slot listing changed, so they drop what they cached of it.
 * Called after the change is stored and before the caller is answered: NATS delivers one
 * connection's messages in order, so a gateway has dropped its copy before it relays the answer,
 * and the patient's next listing through it is fresh (every instance lists from the database).
 * Every such change may move the doctor's first free slot, so doctor-service is told that too.
 */
@Injectable()
export class DoctorSlotsNotice {
  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    private readonly nextFree: NextFreeAnnouncer,
  ) {}

  /** `booked`: the start of the slot taken, when the change was a booking (NextFreeAnnouncer). */
  changed(doctorId: string, booked?: Date): void {
    this.connection.publish(DOCTOR_SLOTS_CHANGED, codec.encode({ doctorId }));
    this.nextFree.announce(doctorId, booked);
  }
}
