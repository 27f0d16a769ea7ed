import { useState, type ChangeEvent } from 'react';
import { FormError } from '../components/form-error';
import { SelectField } from '../components/select-field';
import { useMediaDevices } from './use-media-devices';
import type { DeviceChoice, VideoCall } from './use-video-call';

export interface DevicePickersProps {
  call: Pick<VideoCall, 'localStream' | 'devices' | 'chooseDevices'>;
  /** The chosen speaker (`audiooutput` deviceId), '' for the default; no speaker picker without it. */
  speakerId?: string;
  onSpeakerChange?(speakerId: string): void;
}

const optionsOf = (devices: MediaDeviceInfo[], noun: string) =>
  devices.map((device, index) => ({ value: device.deviceId, label: device.label || `${noun} ${index + 1}` }));

/**
 * Camera, microphone and speaker choices: in the waiting room's check and during the call. A
 * device that cannot be opened is said here; the call keeps the one it had.
 */
export function DevicePickers({ call, speakerId, onSpeakerChange }: DevicePickersProps) {
  const { cameras, microphones, speakers } = useMediaDevices(call.localStream);
  const [problem, setProblem] = useState<string | undefined>();
  const trackOf = (kind: 'audio' | 'video') =>
    (kind === 'audio' ? call.localStream?.getAudioTracks() : call.localStream?.getVideoTracks())?.[0];
  const choose = (change: DeviceChoice) => {
    setProblem(undefined);
    call
      .chooseDevices({ ...call.devices, ...change })
      .catch((thrown: unknown) => setProblem(thrown instanceof Error ? thrown.message : String(thrown)));
  };
  const pickers = [
    {
      label: 'Camera',
      devices: cameras,
      value: call.devices.cameraId ?? trackOf('video')?.getSettings().deviceId ?? '',
      extra: [],
      choose: (cameraId: string) => choose({ cameraId }),
    },
    {
      label: 'Microphone',
      devices: microphones,
      value: call.devices.microphoneId ?? trackOf('audio')?.getSettings().deviceId ?? '',
      extra: [],
      choose: (microphoneId: string) => choose({ microphoneId }),
    },
    ...(onSpeakerChange
      ? [
          {
            label: 'Speaker',
            devices: speakers,
            value: speakerId ?? '',
            extra: [{ value: '', label: 'System default' }],
            choose: onSpeakerChange,
          },
        ]
      : []),
  ];
  return (
    <>
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
      <FormError message={problem} />
    </>
  );
}
