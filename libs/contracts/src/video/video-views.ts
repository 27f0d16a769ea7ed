import type { UserRole } from '../identity/user-view';
import type { MediaKind } from './video-sfu.dto';

export type VideoMode = 'p2p' | 'sfu';
export type CallState = 'idle' | 'ringing' | 'accepted' | 'declined' | 'missed' | 'ended';

/** An RTCIceServer as the browser takes it. */
export interface IceServer {
  urls: string | string[];
  username?: string;
  credential?: string;
}

export interface CallPeer {
  userId: string;
  role: UserRole;
  fullName: string;
  /** Whether the peer has joined the room (`rtc:join`) on some socket. */
  joined: boolean;
}

/** The answer of `video.room.join` / `rtc:join`. */
export interface VideoJoinView {
  appointmentId: string;
  mode: VideoMode;
  iceServers: IceServer[];
  role: UserRole;
  state: CallState;
  peer?: CallPeer;
  /** sfu mode: the room router's RTP capabilities (mediasoup-client `Device.load`). */
  routerRtpCapabilities?: unknown;
  /** sfu mode: the other participant's producers now, to consume once the recv transport exists. */
  producers?: SfuProducerView[];
}

/** `rtc:capabilities`. */
export interface SfuCapabilitiesView {
  routerRtpCapabilities: unknown;
}

/** `rtc:transport`: what mediasoup-client's `createSendTransport` / `createRecvTransport` take. */
export interface SfuTransportView {
  transportId: string;
  iceParameters: unknown;
  iceCandidates: unknown[];
  dtlsParameters: unknown;
}

/** `rtc:produce`. */
export interface SfuProducedView {
  producerId: string;
}

/** `rtc:consume`: created paused; the client resumes it (`rtc:resume`) once its track is wired. */
export interface SfuConsumerView {
  consumerId: string;
  producerId: string;
  kind: MediaKind;
  rtpParameters: unknown;
  paused: boolean;
}

/** A producer of one participant: the data of an `rtc:producer` push, and `producers` of the join. */
export interface SfuProducerView {
  appointmentId: string;
  producerId: string;
  /** Whose it is. */
  userId: string;
  kind: MediaKind;
}

/** The data of an `rtc:producer:closed` push: the producer, and the caller's consumer of it, are gone. */
export interface SfuProducerClosedView {
  appointmentId: string;
  producerId: string;
  consumerId: string;
}

/** Why a client must join again. */
export type RejoinReason = 'media_restarted' | 'peer_returned';

/**
 * The data of an `rtc:rejoin` push: the client's media session is void. `media_restarted`: the
 * SFU worker died and the room has a new router; `peer_returned`: the other participant came back
 * (reload, lost connection) with a new connection, so a p2p client builds a new one too.
 */
export interface VideoRejoinView {
  appointmentId: string;
  reason: RejoinReason;
}

/** The answer of the call subjects, and the data of `call:*` pushes. */
export interface VideoCallView {
  appointmentId: string;
  /** This call (one ring or admission): the key of its record on the appointment. */
  callId?: string;
  state: CallState;
  /** Who rang (the doctor). */
  caller: { userId: string; fullName: string };
  callee: { userId: string; fullName: string };
  /** Who sent the event this view answers or pushes. */
  by: string;
  startedAt?: string;
  endedAt?: string;
  durationSeconds?: number;
}

/** The data of an `rtc:signal` push. */
export interface VideoSignalView {
  appointmentId: string;
  from: string;
  signal: { type: string; [field: string]: unknown };
}

/** `video.status.get`. */
export interface VideoStatusView {
  instance: string;
  mode: VideoMode;
  workers: number;
  rooms: number;
  /** sfu: the rooms with a router on this instance. */
  routers?: number;
  /** Why sfu is unavailable, in p2p mode. */
  reason?: string;
}

/** A refused socket event's ack (the chat's shape, plus 422's `unprocessable`). */
export interface VideoErrorAck {
  error: string;
  message: string;
  details?: { field: string; problem: string }[];
}

/**
 * The data of a `call:waiting` push to the doctor: the patient entered the waiting room
 * (`waiting`, `since`) or is no longer in it.
 */
export interface VideoWaitingView {
  appointmentId: string;
  patient: { userId: string; fullName: string };
  waiting: boolean;
  since?: string;
}

/** The data of an `rtc:peer` push: the other participant's connection dropped (`present: false`) or is back. */
export interface VideoPeerPresenceView {
  appointmentId: string;
  userId: string;
  present: boolean;
}

/** `video.window.get` / `GET /api/video/window`: when a video appointment's call may be joined. */
export interface VideoWindowView {
  /** Minutes before the start from which both may join (VIDEO_JOIN_EARLY_MINUTES). */
  joinEarlyMinutes: number;
  /** Minutes after the end until which a call may go on or start (VIDEO_JOIN_LATE_MINUTES). */
  joinLateMinutes: number;
  /** Seconds a ring lasts before it counts as missed (VIDEO_RING_TIMEOUT_SECONDS). */
  ringTimeoutSeconds: number;
}

/** `rtc:quality`'s answer: the quality now asked for, and how many video consumers took it. */
export interface SfuQualityView {
  quality: 'low' | 'auto';
  consumers: number;
}
