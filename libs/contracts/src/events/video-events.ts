import type { EventEnvelope } from './event-envelope';

/**
 * video-service's facts. Every call (one ring of the doctor, or one admission from the waiting
 * room) ends in exactly one of `call_ended` (it was answered), `call_missed` (nobody answered
 * before VIDEO_RING_TIMEOUT_SECONDS) or `call_declined`; appointment-service keeps each as a call
 * record on the appointment. `waiting_changed` says when the patient entered or left the waiting
 * room, for the doctor's queue.
 */
export const VideoEventTypes = {
  callStarted: 'video.call_started',
  callEnded: 'video.call_ended',
  callMissed: 'video.call_missed',
  callDeclined: 'video.call_declined',
  waitingChanged: 'video.waiting_changed',
} as const;

/** How a call ended: hung up, not answered, refused, or a participant's connection did not come back. */
export const CALL_OUTCOMES = ['completed', 'missed', 'declined', 'dropped'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** Who took part in a call. */
export type CallParty = 'doctor' | 'patient';

interface VideoCallFacts {
  /** One call of the appointment: the record's key (a redelivered event is recorded once). */
  callId: string;
  appointmentId: string;
  doctorId: string;
  patientId: string;
  /** When the doctor rang (or admitted the waiting patient). */
  ringingAt: string;
}

export interface VideoCallStartedPayload {
  appointmentId: string;
  doctorId: string;
  patientId: string;
  mode: 'p2p' | 'sfu';
  startedAt: string;
  callId: string;
}

export interface VideoCallEndedPayload extends VideoCallStartedPayload {
  ringingAt: string;
  endedAt: string;
  durationSeconds: number;
  endedBy: string;
  /** `completed` when someone hung up; `dropped` when a participant's connection did not come back. */
  outcome: Extract<CallOutcome, 'completed' | 'dropped'>;
  joined: CallParty[];
}

/** A ring nobody answered (`missed`) or the patient refused (`declined`); it never connected. */
export interface VideoCallUnansweredPayload extends VideoCallFacts {
  endedAt: string;
}

export interface VideoWaitingChangedPayload {
  appointmentId: string;
  doctorId: string;
  patientId: string;
  /** The patient is in the waiting room (true), or left it, was admitted, or the room closed (false). */
  waiting: boolean;
  /** When they entered it, while waiting. */
  since?: string;
}

export type VideoCallStartedEvent = EventEnvelope<
  typeof VideoEventTypes.callStarted,
  VideoCallStartedPayload
>;
export type VideoCallEndedEvent = EventEnvelope<typeof VideoEventTypes.callEnded, VideoCallEndedPayload>;
export type VideoCallMissedEvent = EventEnvelope<
  typeof VideoEventTypes.callMissed,
  VideoCallUnansweredPayload
>;
export type VideoCallDeclinedEvent = EventEnvelope<
  typeof VideoEventTypes.callDeclined,
  VideoCallUnansweredPayload
>;
export type VideoWaitingChangedEvent = EventEnvelope<
  typeof VideoEventTypes.waitingChanged,
  VideoWaitingChangedPayload
>;
