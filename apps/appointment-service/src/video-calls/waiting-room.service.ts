import { Injectable } from '@nestjs/common';
import type { VideoWaitingChangedPayload } from '@arogyam/contracts';
import { AppointmentRepository } from '../appointments/appointment.repository';

/**
 * Whether the patient is in the video waiting room, kept on the appointment for the doctor's
 * queue (`waitingSince`), from video-service's `waiting_changed` events. A late, older event
 * does not undo a newer one (the event's time decides).
 */
@Injectable()
export class WaitingRoomService {
  constructor(private readonly appointments: AppointmentRepository) {}

  async changed(change: VideoWaitingChangedPayload, occurredAt: string): Promise<void> {
    const since = change.waiting && change.since ? new Date(change.since) : undefined;
    await this.appointments.setWaiting(change.appointmentId, since, new Date(occurredAt));
  }
}
