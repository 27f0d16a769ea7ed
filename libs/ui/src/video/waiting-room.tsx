import { DeviceCheck } from './device-check';
import type { VideoCall } from './use-video-call';
import { useT } from '../i18n/use-t';

export interface WaitingRoomProps {
  call: VideoCall;
  speakerId: string;
  onSpeakerChange(speakerId: string): void;
}

/** The patient's waiting room: where they are, and the device check while the doctor is not there yet. */
export function WaitingRoom({ call, speakerId, onSpeakerChange }: WaitingRoomProps) {
  const t = useT();
  const doctor = call.peerName ?? t('your doctor');
  return (
    <section className="waiting-room stack" aria-labelledby="waiting-room-title">
      <h2 id="waiting-room-title">{t('Waiting room')}</h2>
      <p role="status" className="waiting-status">
        {call.status === 'joining'
          ? t('Joining the waiting room…')
          : t('You are in the waiting room. {{doctor}} has been told and will let you in.', { doctor })}
      </p>
      <DeviceCheck call={call} speakerId={speakerId} onSpeakerChange={onSpeakerChange} />
    </section>
  );
}
