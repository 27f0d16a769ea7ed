/** How the media of a call is doing, as the call screen shows it. */
export type MediaStatus = 'connected' | 'reconnecting';

/** What a call's media tells the call hook. */
export interface CallMediaEvents {
  /** A track of the other participant arrived. */
  onTrack(track: MediaStreamTrack): void;
  /** A track of the other participant is gone for good (they stopped sending it, or left). */
  onTrackEnded(track: MediaStreamTrack): void;
  onStatus(status: MediaStatus): void;
}

/**
 * One media session of a call, p2p (p2p-media.ts) or through the SFU (sfu-media.ts). A session
 * ends with `close`; a rejoin (`rtc:rejoin`, a reconnect) starts a new one.
 */
export interface CallMedia {
  /** Whether media flows right now (the status the call screen shows, as of this moment). */
  readonly connected: boolean;
  /** The call is accepted: start sending and receiving. */
  connect(): Promise<void>;
  /** The stats of the connection media arrives on (inbound-rtp: bytes, frames decoded, loss). */
  getStats(): Promise<RTCStatsReport>;
  /** Sends this video track in place of the current one (a shared screen, then the camera again). */
  sendVideo(track: MediaStreamTrack): Promise<void>;
  /**
   * Another camera or microphone during the call: from now on the session sends this track in place
   * of its kind's, and a later renegotiation or produce uses it too. The old track is the caller's.
   */
  useTrack(track: MediaStreamTrack): Promise<void>;
  /**
   * Receives the other's camera at a lower resolution (`low`, a data saver) or the best the link
   * allows (`auto`). Only through the SFU, which picks a simulcast layer; absent peer-to-peer.
   */
  setQuality?(quality: 'low' | 'auto'): Promise<void>;
  close(): void;
}

/** The session's stream holds `track` in place of the track of the same kind (a device change). */
export function swapTrack(stream: MediaStream, track: MediaStreamTrack): void {
  for (const old of stream.getTracks()) if (old.kind === track.kind) stream.removeTrack(old);
  stream.addTrack(track);
}
