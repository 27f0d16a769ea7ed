import type { UserRole } from '../identity/user-view';

export type VideoMode = 'p2p' | 'sfu';
export type CallState = 'idle' | 'ringing' | 'accepted' | 'declined' | 'ended';

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
}

/** The answer of the call subjects, and the data of `call:*` pushes. */
export interface VideoCallView {
  appointmentId: string;
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
  /** Why sfu is unavailable, in p2p mode. */
  reason?: string;
}

/** A refused socket event's ack (the chat's shape, plus 422's `unprocessable`). */
export interface VideoErrorAck {
  error: string;
  message: string;
  details?: { field: string; problem: string }[];
}
