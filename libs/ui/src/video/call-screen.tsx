import { useEffect, useRef } from 'react';
import { Button } from '../components/button';
import type { VideoCall, VideoCallStatus } from './use-video-call';

const STATUS_LABELS: Record<VideoCallStatus, string> = {
  joining: 'Joining…',
  ringing: 'Ringing…',
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  declined: 'Call declined',
  ended: 'Call ended',
  error: 'Call failed',
};

/** What the call screen says about a call's status. */
export const callStatusLabel = (status: VideoCallStatus): string => STATUS_LABELS[status];

/** `m:ss`, or `h:mm:ss` past an hour. */
export function formatCallTime(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = String(totalSeconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

const VIDEO_STYLE = { width: '100%', maxWidth: 480, background: '#111', borderRadius: 8 } as const;

function StreamVideo({
  stream,
  muted,
  label,
}: {
  stream: MediaStream | null;
  muted: boolean;
  label: string;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (video && video.srcObject !== stream) video.srcObject = stream;
  }, [stream]);
  return (
    <video
      ref={ref}
      className="call-video"
      style={VIDEO_STYLE}
      autoPlay
      playsInline
      muted={muted}
      aria-label={label}
    />
  );
}

export interface CallScreenProps {
  call: VideoCall;
  /** Whom the call is with, e.g. "Dr Sunita Menon"; defaults to the peer's name from the room. */
  title?: string;
}

/** The call: both videos, the controls, the status, the timer and the network sign. */
export function CallScreen({ call, title }: CallScreenProps) {
  const over = call.status === 'ended' || call.status === 'declined' || call.status === 'error';
  const name = title ?? call.peerName;
  return (
    <section className="call-screen" aria-label="Video call">
      <header className="call-header">
        {name && <h2>{name}</h2>}
        <p role="status" className="call-status">
          {callStatusLabel(call.status)}
        </p>
        {call.elapsedSeconds !== null && (
          <p className="call-timer" aria-label="Call time">
            {formatCallTime(
              call.status === 'ended' && call.durationSeconds !== null
                ? call.durationSeconds
                : call.elapsedSeconds,
            )}
          </p>
        )}
        {!over && (
          <p className="call-quality muted">
            Network:{' '}
            <span aria-label="Network quality">{call.quality === 'Unknown' ? '…' : call.quality}</span>
          </p>
        )}
      </header>
      {call.error && (
        <p role="alert" className="form-error">
          {call.error}
        </p>
      )}
      {!over && (
        <>
          <div className="call-videos">
            <figure className="call-remote">
              <StreamVideo stream={call.remoteStream} muted={false} label="Remote video" />
            </figure>
            <figure className="call-self">
              <StreamVideo stream={call.localStream} muted label="Your camera" />
              <figcaption>Your camera</figcaption>
            </figure>
          </div>
          <div className="call-controls">
            <Button variant="secondary" onClick={call.toggleMute} aria-pressed={call.muted}>
              {call.muted ? 'Unmute' : 'Mute'}
            </Button>
            <Button variant="secondary" onClick={call.toggleCamera} aria-pressed={call.cameraOff}>
              {call.cameraOff ? 'Camera on' : 'Camera off'}
            </Button>
            <Button variant="danger" onClick={() => void call.end()}>
              End call
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
