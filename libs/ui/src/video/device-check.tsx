import { useState } from 'react';
import { Button } from '../components/button';
import { DevicePickers } from './device-pickers';
import { StreamVideo } from './stream-video';
import { playTestSound } from './test-sound';
import { useAudioLevel } from './use-audio-level';
import type { VideoCall } from './use-video-call';
import { useT } from '../i18n/use-t';

export interface DeviceCheckProps {
  call: Pick<VideoCall, 'localStream' | 'devices' | 'chooseDevices'>;
  /** The chosen speaker (`audiooutput` deviceId), '' for the default. */
  speakerId: string;
  onSpeakerChange(speakerId: string): void;
}

/**
 * The waiting room's camera, microphone and speaker check: a preview of the camera, a meter of
 * the microphone, the devices to choose from, and a test sound for the speaker.
 */
export function DeviceCheck({ call, speakerId, onSpeakerChange }: DeviceCheckProps) {
  const t = useT();
  const level = useAudioLevel(call.localStream);
  const [testing, setTesting] = useState(false);
  const testSound = () => {
    setTesting(true);
    void playTestSound(speakerId || undefined)
      .catch(() => undefined)
      .finally(() => setTesting(false));
  };

  return (
    <section className="device-check card" aria-labelledby="device-check-title">
      <h2 id="device-check-title">{t('Check your camera, microphone and speaker')}</h2>
      <div className="device-check-body">
        <figure className="device-preview">
          <StreamVideo stream={call.localStream} muted label={t('Camera preview')} className="call-video" />
          <figcaption>{t('This is how the doctor will see you.')}</figcaption>
        </figure>
        <div className="device-choices">
          <p className="mic-level">
            <label htmlFor="mic-level">{t('Microphone level')}</label>
            <meter id="mic-level" min={0} max={1} low={0.05} value={level} />
            <span className="muted">{t('Say something: the bar should move.')}</span>
          </p>
          <DevicePickers call={call} speakerId={speakerId} onSpeakerChange={onSpeakerChange} />
          <Button variant="secondary" onClick={testSound} busy={testing}>
            {t('Play a test sound')}
          </Button>
        </div>
      </div>
    </section>
  );
}
