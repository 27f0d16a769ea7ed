import { useState, type ChangeEvent } from 'react';
import { Button } from '../components/button';
import { SelectField } from '../components/select-field';
import { StreamVideo } from './stream-video';
import { playTestSound } from './test-sound';
import { useAudioLevel } from './use-audio-level';
import { useMediaDevices } from './use-media-devices';
import type { VideoCall } from './use-video-call';

export interface DeviceCheckProps {
  call: Pick<VideoCall, 'localStream' | 'devices' | 'chooseDevices'>;
  /** The chosen speaker (`audiooutput` deviceId), '' for the default. */
  speakerId: string;
  onSpeakerChange(speakerId: string): void;
}

const optionsOf = (devices: MediaDeviceInfo[], noun: string) =>
  devices.map((device, index) => ({ value: device.deviceId, label: device.label || `${noun} ${index + 1}` }));

/**
 * The waiting room's camera, microphone and speaker check: a preview of the camera, a meter of
 * the microphone, the devices to choose from, and a test sound for the speaker.
 */
export function DeviceCheck({ call, speakerId, onSpeakerChange }: DeviceCheckProps) {
  const { cameras, microphones, speakers } = useMediaDevices(call.localStream);
  const level = useAudioLevel(call.localStream);
  const [testing, setTesting] = useState(false);
  const trackOf = (kind: 'audio' | 'video') =>
    (kind === 'audio' ? call.localStream?.getAudioTracks() : call.localStream?.getVideoTracks())?.[0];
  const current = {
    camera: call.devices.cameraId ?? trackOf('video')?.getSettings().deviceId ?? '',
    microphone: call.devices.microphoneId ?? trackOf('audio')?.getSettings().deviceId ?? '',
  };
  const choose = (change: Partial<typeof call.devices>) =>
    void call.chooseDevices({ ...call.devices, ...change });
  const pickers = [
    {
      label: 'Camera',
      devices: cameras,
      value: current.camera,
      extra: [],
      choose: (cameraId: string) => choose({ cameraId }),
    },
    {
      label: 'Microphone',
      devices: microphones,
      value: current.microphone,
      extra: [],
      choose: (microphoneId: string) => choose({ microphoneId }),
    },
    {
      label: 'Speaker',
      devices: speakers,
      value: speakerId,
      extra: [{ value: '', label: 'System default' }],
      choose: onSpeakerChange,
    },
  ];
  const testSound = () => {
    setTesting(true);
    void playTestSound(speakerId || undefined)
      .catch(() => undefined)
      .finally(() => setTesting(false));
  };

  return (
    <section className="device-check card" aria-labelledby="device-check-title">
      <h2 id="device-check-title">Check your camera, microphone and speaker</h2>
      <div className="device-check-body">
        <figure className="device-preview">
          <StreamVideo stream={call.localStream} muted label="Camera preview" className="call-video" />
          <figcaption>This is how the doctor will see you.</figcaption>
        </figure>
        <div className="device-choices">
          <p className="mic-level">
            <label htmlFor="mic-level">Microphone level</label>
            <meter id="mic-level" min={0} max={1} low={0.05} value={level} />
            <span className="muted">Say something: the bar should move.</span>
          </p>
          {pickers.map(
            (picker) =>
              picker.devices.length > 0 && (
                <SelectField
                  key={picker.label}
                  name={picker.label.toLowerCase()}
                  label={picker.label}
                  value={picker.value}
                  options={[...picker.extra, ...optionsOf(picker.devices, picker.label)]}
                  onChange={(event: ChangeEvent<HTMLSelectElement>) => picker.choose(event.target.value)}
                />
              ),
          )}
          <Button variant="secondary" onClick={testSound} busy={testing}>
            Play a test sound
          </Button>
        </div>
      </div>
    </section>
  );
}
