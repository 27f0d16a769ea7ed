import { Injectable, Logger } from '@nestjs/common';
import {
  AppointmentCallEventTypes,
  type AppointmentCallRecordedPayload,
  type CallOutcome,
  type VideoCallEndedPayload,
  type VideoCallUnansweredPayload,
} from '@arogyam/contracts';
import { createEvent } from '@arogyam/messaging';
import { InjectOutboxRelay, OutboxRelay, toOutboxEntry } from '@arogyam/persistence';
import { Appointment, type CallRecord, type RecordedCall } from '../appointments/appointment.schema';
import { AppointmentRepository } from '../appointments/appointment.repository';
import { toCallRecordView, type StoredAppointment } from '../appointments/appointment-views';

const MAX_ATTEMPTS = 5;

/**
 * Keeps each video call's record on its appointment, from video-service's events: an answered
 * call (`call_ended`: completed or dropped), a missed or a declined one. The record and its
 * `evt.appointment.call_recorded` are one write (the appointment's outbox); a redelivered event
 * finds its call recorded and writes nothing.
 */
@Injectable()
export class CallRecordsService {
  private readonly logger = new Logger(CallRecordsService.name);

  constructor(
    private readonly appointments: AppointmentRepository,
    @InjectOutboxRelay(Appointment.name) private readonly relay: OutboxRelay<Appointment>,
  ) {}

  ended(call: VideoCallEndedPayload): Promise<void> {
    const record: CallRecord = {
      id: call.callId,
      outcome: call.outcome,
      ringingAt: new Date(call.ringingAt),
      startedAt: new Date(call.startedAt),
      endedAt: new Date(call.endedAt),
      durationSeconds: call.durationSeconds,
      joined: call.joined,
    };
    const last: RecordedCall = {
      startedAt: new Date(call.startedAt),
      endedAt: new Date(call.endedAt),
      durationSeconds: call.durationSeconds,
    };
    return this.keep(call.appointmentId, record, last);
  }

  unanswered(
    outcome: Extract<CallOutcome, 'missed' | 'declined'>,
    call: VideoCallUnansweredPayload,
  ): Promise<void> {
    const record: CallRecord = {
      id: call.callId,
      outcome,
      ringingAt: new Date(call.ringingAt),
      endedAt: new Date(call.endedAt),
      durationSeconds: 0,
      joined: ['doctor'],
    };
    return this.keep(call.appointmentId, record, undefined);
  }

  private async keep(
    appointmentId: string,
    record: CallRecord,
    last: RecordedCall | undefined,
  ): Promise<void> {
    // A concurrent record of another call moves the count on: read again and retry.
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const appointment = await this.appointments.findById(appointmentId);
      if (!appointment) {
        this.logger.warn(`A call of an unknown appointment ${appointmentId}; not recorded`);
        return;
      }
      const known = appointment.calls ?? [];
      if (known.some((call) => call.id === record.id)) return; // a redelivery
      if (await this.add(appointment, known.length, record, last)) return;
    }
    throw new Error(
      `Could not record call ${record.id} of ${appointmentId}: changed meanwhile; retrying later`,
    );
  }

  private async add(
    appointment: StoredAppointment,
    known: number,
    record: CallRecord,
    last: RecordedCall | undefined,
  ): Promise<boolean> {
    const appointmentId = appointment._id;
    const recorded: AppointmentCallRecordedPayload = {
      appointmentId,
      doctor: { ...appointment.doctor },
      patient: { ...appointment.patient },
      startAt: appointment.startAt.toISOString(),
      endAt: appointment.endAt.toISOString(),
      call: toCallRecordView(record),
    };
    const event = createEvent(AppointmentCallEventTypes.callRecorded, recorded);
    const added = await this.appointments.recordCall(appointmentId, known, record, last, [
      toOutboxEntry(event),
    ]);
    if (added) await this.relay.flush(appointmentId);
    return added;
  }
}
