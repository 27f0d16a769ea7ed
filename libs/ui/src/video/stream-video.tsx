import { useEffect, useRef } from 'react';

/** An element that can play to a chosen speaker (Chrome, Edge; elsewhere the default one plays). */
type SinkElement = HTMLMediaElement & { setSinkId?(sinkId: string): Promise<void> };

export interface StreamVideoProps {
  stream: MediaStream | null;
  muted: boolean;
  label: string;
  className?: string;
  /** The speaker to play through (an `audiooutput` deviceId); unset: the default. */
  sinkId?: string;
}

/** A `<video>` showing a MediaStream. */
export function StreamVideo({ stream, muted, label, className = 'call-video', sinkId }: StreamVideoProps) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (video && video.srcObject !== stream) video.srcObject = stream;
  }, [stream]);
  useEffect(() => {
    const video = ref.current as SinkElement | null;
    if (video?.setSinkId && sinkId !== undefined) void video.setSinkId(sinkId).catch(() => undefined);
  }, [sinkId]);
  return <video ref={ref} className={className} autoPlay playsInline muted={muted} aria-label={label} />;
}
