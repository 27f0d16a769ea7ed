/** video-service's request/reply subjects, `video.<noun>.<verb>` (queue group `video-service`). */
export const VideoSubjects = {
  /** The doctor rings the patient. */
  start: 'video.call.start',
  accept: 'video.call.accept',
  decline: 'video.call.decline',
  end: 'video.call.end',
  /** Join the call's room: answers the mode (p2p or sfu), ICE servers, role and the peer. */
  join: 'video.room.join',
  leave: 'video.room.leave',
  /** An offer, answer or ICE candidate for the other participant. */
  relay: 'video.signal.relay',
  /** This instance's media mode and worker count. */
  status: 'video.status.get',
} as const;

/** The NATS KV bucket mapping an appointment id to the video instance hosting its room. */
export const VIDEO_ROOMS_BUCKET = 'video-rooms';

/** Socket.IO events of a call (docs/api.md, "Realtime"). */
export const VideoSocketEvents = {
  start: 'call:start',
  accept: 'call:accept',
  decline: 'call:decline',
  end: 'call:end',
  join: 'rtc:join',
  leave: 'rtc:leave',
  signal: 'rtc:signal',
  ringing: 'call:ringing',
  accepted: 'call:accepted',
  declined: 'call:declined',
  ended: 'call:ended',
} as const;

/** The events video-service pushes to a user. */
export const VIDEO_PUSH_EVENTS = [
  'call:ringing',
  'call:accepted',
  'call:declined',
  'call:ended',
  'rtc:signal',
] as const;
export type VideoPushEvent = (typeof VIDEO_PUSH_EVENTS)[number];

/**
 * Plain NATS (at most once) subject of a user's call events: `rt.user.<userId>.call`, carrying a
 * {@link VideoPush}. Every gateway instance subscribes without a queue group and emits the event
 * to its own sockets in `user:<userId>`.
 */
export const VideoRealtimeSubjects = {
  all: 'rt.user.*.call',
  of: (userId: string): string => `rt.user.${userId}.call`,
} as const;

export interface VideoPush {
  event: VideoPushEvent;
  data: unknown;
}
