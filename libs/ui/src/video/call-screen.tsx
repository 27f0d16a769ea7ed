import { useState, type ReactNode } from 'react';
import { Button } from '../components/button';
import { formatTime } from '../format/format-time';
import { ConnectionBanner } from './connection-banner';
import { DevicePickers } from './device-pickers';
import { StreamVideo } from './stream-video';
import type { VideoCall, VideoCallStatus } from './use-video-call';
import { useT } from '../i18n/use-t';

const STATUS_LABELS: Record<VideoCallStatus, string> = {
  joining: 'Joining…',
  waiting: 'Waiting for the doctor to let you in',
  ringing: 'Ringing…',
  missed: 'No answer',
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

export interface CallScreenProps {
  call: VideoCall;
  /** Whom the call is with, e.g. "Dr Sunita Menon"; defaults to the peer's name from the room. */
  title?: string;
  /** The speaker the other side plays on (the waiting room's choice). */
  speakerId?: string;
  /** Another speaker chosen during the call; without it the call screen offers camera and microphone only. */
  onSpeakerChange?(speakerId: string): void;
  /** Ends the call; the call's own `end` by default (the doctor's page asks about the consultation first). */
  onEnd?(): void;
  /** More controls beside Mute, Camera and End (the doctor's panels, screen sharing). */
  controls?: ReactNode;
}

/** For the doctor: who waits to be admitted, or the ring nobody answered, and how to call (again). */
function DoctorCallActions({ call }: { call: VideoCall }) {
  const t = useT();
  if (call.patientWaitingSince && call.status !== 'ringing') {
    return (
      <div className="call-waiting card">
        <p role="status">
          {call.peerName ?? 'The patient'} is waiting since {formatTime(call.patientWaitingSince)}.
        </p>
        <Button onClick={() => void call.ring()}>{t('Admit')}</Button>
      </div>
    );
  }
  if (call.status !== 'missed') return null;
  return (
    <div className="call-waiting card">
      <p role="status">
        {t(
          'The patient did not answer. They were sent a missed-call notice and can still join; you will see them here.',
        )}
      </p>
      <Button variant="secondary" onClick={() => void call.ring()}>
        {t('Call again')}
      </Button>
    </div>
  );
}

/**
 * The call: the other side's video with your own small on top, the controls (kept on screen),
 * the status, the timer, the network sign and a banner while a connection is lost.
 */
export function CallScreen({ call, title, speakerId, onSpeakerChange, onEnd, controls }: CallScreenProps) {
  const t = useT();
  const [choosingDevices, setChoosingDevices] = useState(false);
  const over = call.status === 'ended' || call.status === 'declined' || call.status === 'error';
  const name = title ?? call.peerName;
  return (
    <section className="call-screen" aria-label={t('Video call')}>
      <header className="call-header">
        {name && <h2>{name}</h2>}
        <p role="status" className="call-status">
          {callStatusLabel(call.status)}
        </p>
        {call.elapsedSeconds !== null && (
          <p className="call-timer" aria-label={t('Call time')}>
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
            <span aria-label={t('Network quality')}>{call.quality === 'Unknown' ? '…' : call.quality}</span>
          </p>
        )}
      </header>
      {!over && <ConnectionBanner call={call} />}
      {call.error && (
        <p role="alert" className="form-error">
          {call.error}
        </p>
      )}
      {!over && <DoctorCallActions call={call} />}
      {!over && (
        <>
          <div className="call-videos">
            <figure className="call-remote">
              <StreamVideo
                stream={call.remoteStream}
                muted={false}
                label={t('Remote video')}
                sinkId={speakerId}
              />
            </figure>
            <figure className="call-self">
              <StreamVideo stream={call.localStream} muted label={t('Your camera')} />
              <figcaption className="visually-hidden">{t('Your camera')}</figcaption>
            </figure>
          </div>
          <div className="call-controls" role="toolbar" aria-label={t('Call controls')}>
            <Button variant="secondary" onClick={call.toggleMute} aria-pressed={call.muted}>
              {call.muted ? 'Unmute' : 'Mute'}
            </Button>
            <Button variant="secondary" onClick={call.toggleCamera} aria-pressed={call.cameraOff}>
              {call.cameraOff ? 'Camera on' : 'Camera off'}
            </Button>
            {call.canSaveData && (
              <Button
                variant="secondary"
                onClick={() => void call.toggleDataSaver().catch(() => undefined)}
                aria-pressed={call.dataSaver}
                title={t('Receive a smaller picture, for a slow or costly connection')}
              >
                {t('Data saver')}
              </Button>
            )}
            <Button
              variant="secondary"
              onClick={() => setChoosingDevices((open) => !open)}
              aria-expanded={choosingDevices}
              aria-controls="call-devices"
            >
              {t('Devices')}
            </Button>
            {controls}
            <Button variant="danger" onClick={() => (onEnd ? onEnd() : void call.end())}>
              {t('End call')}
            </Button>
          </div>
          {choosingDevices && (
            <section id="call-devices" className="call-devices card" aria-label={t('Camera and microphone')}>
              <DevicePickers call={call} speakerId={speakerId} onSpeakerChange={onSpeakerChange} />
            </section>
          )}
        </>
      )}
    </section>
  );
}
