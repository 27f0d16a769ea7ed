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
  /** When calls may be joined and how long a ring lasts (any instance: they share the config). */
  window: 'video.window.get',
  /**
   * A socket that joined the room is gone (the gateway saw it disconnect). The participant leaves
   * once their last socket is gone; a call they were in ends if they are not back within
   * VIDEO_REJOIN_GRACE_SECONDS.
   */
  disconnect: 'video.room.disconnect',
  /** sfu: the room router's RTP capabilities (also in the join answer). */
  capabilities: 'video.router.capabilities',
  /** sfu: a WebRTC transport for the caller, `send` or `recv`. */
  createTransport: 'video.transport.create',
  /** sfu: the client's DTLS parameters for one of its transports. */
  connectTransport: 'video.transport.connect',
  /** sfu: a producer (audio or video) on the caller's send transport. */
  produce: 'video.producer.create',
  /** sfu: a consumer of the other participant's producer, created paused. */
  consume: 'video.consumer.create',
  /** sfu: pause or resume one of the caller's producers or consumers. */
  pause: 'video.media.pause',
  resume: 'video.media.resume',
  /** sfu: the picture quality the caller receives (`low` for a data saver, `auto` for the best the link allows). */
  quality: 'video.media.quality',
} as const;

/**
 * A video instance's own requests, `video.instance.<instance>.<operation>`: another instance
 * forwards a request there when the room is hosted by that instance.
 */
export const videoInstanceSubject = (instance: string, operation: string): string =>
  `video.instance.${instance}.${operation}`;
// `>`: an instance id is a host name, which may hold dots.
export const VIDEO_INSTANCE_WILDCARD = 'video.instance.>';

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
  missed: 'call:missed',
  waiting: 'call:waiting',
  peer: 'rtc:peer',
  capabilities: 'rtc:capabilities',
  createTransport: 'rtc:transport',
  connectTransport: 'rtc:connect',
  produce: 'rtc:produce',
  consume: 'rtc:consume',
  pause: 'rtc:pause',
  resume: 'rtc:resume',
  quality: 'rtc:quality',
  newProducer: 'rtc:producer',
  producerClosed: 'rtc:producer:closed',
  rejoin: 'rtc:rejoin',
} as const;

/** The events video-service pushes to a user. */
export const VIDEO_PUSH_EVENTS = [
  'call:ringing',
  'call:accepted',
  'call:declined',
  'call:ended',
  /** Nobody answered the ring in VIDEO_RING_TIMEOUT_SECONDS (to both; the patient may still join). */
  'call:missed',
  /** To the doctor: the patient entered or left the waiting room. */
  'call:waiting',
  /** The other participant's connection dropped or came back during a call. */
  'rtc:peer',
  'rtc:signal',
  /** sfu: the other participant has a new producer to consume. */
  'rtc:producer',
  /** sfu: a producer one of your consumers received is gone (its consumer is closed). */
  'rtc:producer:closed',
  /** Your media session is void (the SFU worker died, or the other side came back): join again. */
  'rtc:rejoin',
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
