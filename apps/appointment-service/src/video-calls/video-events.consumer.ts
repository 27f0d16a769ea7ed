import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import {
  UserEventTypes,
  VideoEventTypes,
  type VideoCallEndedPayload,
  type VideoCallUnansweredPayload,
  type VideoWaitingChangedPayload,
} from '@arogyam/contracts';
import { EventConsumer, NATS_CONNECTION } from '@arogyam/messaging';
import { PatientErasure } from '../data-rights/patient-erasure';
import { CallRecordsService } from './call-records.service';
import { WaitingRoomService } from './waiting-room.service';

/**
 * appointment-service's durable JetStream consumers (one per type, `appointment-service_<type>`)
 * of video-service's facts: call records and the waiting room; and of a patient's `user.erased`
 * (data-rights/), handled after the video events stored before it. Acked after the write; redeliveries
 * are idempotent (a call is recorded once by its id; waiting changes are ordered by their time).
 */
@Injectable()
export class VideoEventsConsumer implements OnModuleInit, OnModuleDestroy {
  private readonly consumer: EventConsumer;

  constructor(
    @Inject(NATS_CONNECTION) connection: NatsConnection,
    records: CallRecordsService,
    waiting: WaitingRoomService,
    erasure: PatientErasure,
  ) {
    this.consumer = new EventConsumer(connection, {
      service: 'appointment',
      handlers: {
        [VideoEventTypes.callEnded]: (event) => records.ended(event.payload as VideoCallEndedPayload),
        [VideoEventTypes.callMissed]: (event) =>
          records.unanswered('missed', event.payload as VideoCallUnansweredPayload),
        [VideoEventTypes.callDeclined]: (event) =>
          records.unanswered('declined', event.payload as VideoCallUnansweredPayload),
        [VideoEventTypes.waitingChanged]: (event) =>
          waiting.changed(event.payload as VideoWaitingChangedPayload, event.occurredAt),
        [UserEventTypes.erased]: (event) => erasure.erase(event),
      },
    });
  }

  onModuleInit(): Promise<void> {
    return this.consumer.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.consumer.stop();
  }
}
