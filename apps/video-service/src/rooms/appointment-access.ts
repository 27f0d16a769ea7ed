import { Injectable } from '@nestjs/common';
import { AppointmentSubjects, DomainError, type Actor, type AppointmentView } from '@arogyam/contracts';
import { RpcClient } from '@arogyam/messaging';
import { VideoServiceConfig } from '../config/video-service.config';

export const NOT_YOURS = 'Appointment not found.';
const MINUTE = 60_000;

/** What a check asks for beyond being one of the two. */
export interface AccessNeeds {
  /** Inside the call window and the appointment still active (start, accept, join, signal). */
  live: boolean;
}

/**
 * Who may be in a consultation's call: its doctor and its patient, for a `video` appointment,
 * from VIDEO_JOIN_EARLY_MINUTES before its start to VIDEO_JOIN_LATE_MINUTES after its end. Asked
 * of appointment-service on every call and signaling message, so a cancellation or reschedule
 * takes effect at once. Ending or leaving a call needs only the membership.
 */
@Injectable()
export class AppointmentAccess {
  constructor(
    private readonly rpc: RpcClient,
    private readonly config: VideoServiceConfig,
  ) {}

  async check(actor: Actor, appointmentId: string, needs: AccessNeeds): Promise<AppointmentView> {
    const appointment = await this.rpc
      .send<AppointmentView>(AppointmentSubjects.get, { appointmentId })
      .catch((error: unknown) => {
        if ((error as { payload?: { statusCode?: number } }).payload?.statusCode === 404) return undefined;
        throw error;
      });
    const member =
      appointment &&
      ((actor.role === 'doctor' && appointment.doctorId === actor.userId) ||
        (actor.role === 'patient' && appointment.patientId === actor.userId));
    if (!appointment || !member) throw DomainError.notFound(NOT_YOURS);
    if (appointment.mode !== 'video') {
      throw DomainError.unprocessable(
        `This appointment is a ${appointment.mode.replace('_', '-')} consultation, not a video one.`,
      );
    }
    if (!needs.live) return appointment;
    if (!['booked', 'checked_in', 'in_consultation'].includes(appointment.status)) {
      throw DomainError.conflict(
        `This appointment is ${appointment.status.replace('_', ' ')}; no call is possible.`,
      );
    }
    const opens = new Date(appointment.startAt).getTime() - this.config.VIDEO_JOIN_EARLY_MINUTES * MINUTE;
    const closes = new Date(appointment.endAt).getTime() + this.config.VIDEO_JOIN_LATE_MINUTES * MINUTE;
    const now = Date.now();
    if (now < opens) {
      // No instant in the words: the server cannot know the reader's zone; the app shows the time.
      throw DomainError.forbidden(
        `The call opens ${this.config.VIDEO_JOIN_EARLY_MINUTES} minutes before the appointment starts.`,
        'call_not_open',
      );
    }
    if (now > closes) {
      throw DomainError.forbidden(
        `The call window closed ${this.config.VIDEO_JOIN_LATE_MINUTES} minutes after the appointment ended.`,
        'call_window_closed',
      );
    }
    return appointment;
  }
}
