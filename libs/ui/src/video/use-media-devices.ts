import { useEffect, useState } from 'react';

export interface MediaDeviceChoices {
  cameras: MediaDeviceInfo[];
  microphones: MediaDeviceInfo[];
  speakers: MediaDeviceInfo[];
}

const NONE: MediaDeviceChoices = { cameras: [], microphones: [], speakers: [] };

/**
 * The cameras, microphones and speakers the browser offers (enumerateDevices), read again when a
 * device comes or goes and whenever `stream` changes (labels are there only once permission is).
 */
export function useMediaDevices(stream: MediaStream | null): MediaDeviceChoices {
  const [devices, setDevices] = useState<MediaDeviceChoices>(NONE);
  useEffect(() => {
    const media = navigator.mediaDevices;
    if (!media?.enumerateDevices) return undefined;
    let cancelled = false;
    const read = () =>
      void media
        .enumerateDevices()
        .then((all) => {
          if (cancelled) return;
          const named = all.filter((device) => device.deviceId);
          setDevices({
            cameras: named.filter((device) => device.kind === 'videoinput'),
            microphones: named.filter((device) => device.kind === 'audioinput'),
            speakers: named.filter((device) => device.kind === 'audiooutput'),
          });
        })
        .catch(() => undefined);
    read();
    media.addEventListener('devicechange', read);
    return () => {
      cancelled = true;
      media.removeEventListener('devicechange', read);
    };
  }, [stream]);
  return devices;
}
