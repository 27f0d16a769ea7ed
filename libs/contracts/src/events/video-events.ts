import type { EventEnvelope } from './event-envelope';

export const VideoEventTypes = {
  callStarted: 'video.call_started',
  callEnded: 'video.call_ended',
} as const;

export interface VideoCallStartedPayload {
  appointmentId: string;
  doctorId: string;
  patientId: string;
  mode: 'p2p' | 'sfu';
  startedAt: string;
}

export interface VideoCallEndedPayload extends VideoCallStartedPayload {
  endedAt: string;
  durationSeconds: number;
  endedBy: string;
}

export type VideoCallStartedEvent = EventEnvelope<
  typeof VideoEventTypes.callStarted,
  VideoCallStartedPayload
>;
export type VideoCallEndedEvent = EventEnvelope<typeof VideoEventTypes.callEnded, VideoCallEndedPayload>;
