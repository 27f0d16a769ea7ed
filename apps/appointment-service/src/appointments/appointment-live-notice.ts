import { Inject, Injectable } from '@nestjs/common';
import { JSONCodec, type NatsConnection } from 'nats';
import { appointmentRealtimeSubject, type AppointmentView } from '@arogyam/contracts';
import { NATS_CONNECTION } from '@arogyam/messaging';

const codec = JSONCodec<AppointmentView>();

/**
 * Tells the appointment's doctor and patient, through the gateways' sockets, that it changed, so
 * their open pages follow without a reload. Called after the write; at most once, like all
 * plain NATS: the events on JetStream stay the record.
 */
@Injectable()
export class AppointmentLiveNotice {
  constructor(@Inject(NATS_CONNECTION) private readonly connection: NatsConnection) {}

  changed(view: AppointmentView): void {
    const data = codec.encode(view);
    this.connection.publish(appointmentRealtimeSubject(view.doctorId), data);
    this.connection.publish(appointmentRealtimeSubject(view.patientId), data);
  }
}
