import { useCallback, useEffect, useRef, useState } from 'react';
import type { Socket } from 'socket.io-client';
import type { VideoCallView, VideoJoinView, VideoSignalView } from '@arogyam/contracts';
import { emitWithAck, toRealtimeError } from '../socket/socket-ack';
import { useRealtime } from '../socket/socket-provider';

export type { VideoCallView, VideoJoinView, VideoSignalView } from '@arogyam/contracts';

/** Where a call is, as the call screen tells people (see `callStatusLabel`). */
export type VideoCallStatus =
  'joining' | 'ringing' | 'connecting' | 'connected' | 'reconnecting' | 'declined' | 'ended' | 'error';

export type NetworkQuality = 'Good' | 'Poor' | 'Unknown';

export interface VideoCallOptions {
  appointmentId: string;
  /** The doctor rings and makes the offer; the patient accepts and answers. */
  role: 'doctor' | 'patient';
}

export interface VideoCall {
  status: VideoCallStatus;
  /** Why the call could not go on (camera refused, not allowed to join, …). */
  error: string | null;
  localStream: MediaStream | null;
  remoteStream: MediaStream | null;
  muted: boolean;
  cameraOff: boolean;
  /** Seconds since the call was accepted; null before. */
  elapsedSeconds: number | null;
  quality: NetworkQuality;
  /** The other participant's name, once joined. */
  peerName: string | null;
  /** The duration the server recorded, once ended. */
  durationSeconds: number | null;
  toggleMute(): void;
  toggleCamera(): void;
  end(): Promise<void>;
}

export const MEDIA_REFUSED_MESSAGE =
  "Arogyam could not use your camera and microphone. Allow camera and microphone in your browser's site settings, then try again.";
const NO_MEDIA_MESSAGE =
  'No camera or microphone was found. Connect one (or close other apps using it), then try again.';

/** Test hook: the current call's RTCPeerConnection, read by tests/browser/video-call.browser.spec.ts. */
declare global {
  interface Window {
    __arogyamCall?: RTCPeerConnection;
  }
}

/** How long `disconnected` may last before the doctor restarts ICE (it often recovers by itself). */
const DISCONNECTED_GRACE_MS = 4_000;
const STATS_INTERVAL_MS = 2_000;
/** More than this share of packets lost since the last sample reads as a poor network. */
const POOR_LOSS_RATIO = 0.05;
const POOR_RTT_SECONDS = 0.4;

function mediaErrorMessage(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotFoundError' || name === 'NotReadableError' || name === 'OverconstrainedError')
    return NO_MEDIA_MESSAGE;
  return MEDIA_REFUSED_MESSAGE;
}

interface LossSample {
  received: number;
  lost: number;
}

/** Reads the network quality from the connection's stats: packet loss since the last sample, and the RTT. */
async function sampleQuality(
  pc: RTCPeerConnection,
  last: LossSample,
): Promise<{ quality: NetworkQuality; sample: LossSample }> {
  const report = await pc.getStats();
  let received = 0;
  let lost = 0;
  let rtt: number | undefined;
  report.forEach((stat: Record<string, unknown>) => {
    if (stat.type === 'inbound-rtp') {
      received += Number(stat.packetsReceived ?? 0);
      lost += Number(stat.packetsLost ?? 0);
    }
    if (stat.type === 'candidate-pair' && stat.nominated && typeof stat.currentRoundTripTime === 'number')
      rtt = stat.currentRoundTripTime;
  });
  const sample = { received, lost };
  const dReceived = received - last.received;
  const dLost = Math.max(0, lost - last.lost);
  if (dReceived + dLost <= 0) return { quality: 'Unknown', sample };
  const poor = dLost / (dReceived + dLost) > POOR_LOSS_RATIO || (rtt ?? 0) > POOR_RTT_SECONDS;
  return { quality: poor ? 'Poor' : 'Good', sample };
}

/**
 * One side of a p2p video consultation over the session's socket (docs/api.md, "Video calls"):
 * takes the camera and microphone, joins the room, then the doctor rings (`call:start`) and makes
 * the offer once accepted, while the patient accepts a ringing call and answers. Owns the
 * RTCPeerConnection, relays ICE candidates, restarts ICE when the connection fails, and stops
 * everything on unmount (the call itself ends with `end()` or when the other side ends it).
 */
export function useVideoCall({ appointmentId, role }: VideoCallOptions): VideoCall {
  const { socket, status: socketStatus } = useRealtime();
  const [ready, setReady] = useState(false);
  const [status, setStatus] = useState<VideoCallStatus>('joining');
  const [error, setError] = useState<string | null>(null);
  const [localStream, setLocalStream] = useState<MediaStream | null>(null);
  const [remoteStream, setRemoteStream] = useState<MediaStream | null>(null);
  const [muted, setMuted] = useState(false);
  const [cameraOff, setCameraOff] = useState(false);
  const [acceptedAt, setAcceptedAt] = useState<number | null>(null);
  const [elapsedSeconds, setElapsedSeconds] = useState<number | null>(null);
  const [quality, setQuality] = useState<NetworkQuality>('Unknown');
  const [peerName, setPeerName] = useState<string | null>(null);
  const [durationSeconds, setDurationSeconds] = useState<number | null>(null);
  const pcRef = useRef<RTCPeerConnection | null>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const teardownRef = useRef<() => void>(() => undefined);

  // Start once the socket is first connected; Socket.IO itself reconnects later drops.
  useEffect(() => {
    if (socket && socketStatus === 'connected') setReady(true);
  }, [socket, socketStatus]);

  useEffect(() => {
    if (!ready || !socket) return undefined;
    const io: Socket = socket;
    let cancelled = false;
    let pc: RTCPeerConnection | null = null;
    let stream: MediaStream | null = null;
    let remoteDescribed = false;
    const pendingCandidates: RTCIceCandidateInit[] = [];
    let disconnectedTimer: ReturnType<typeof setTimeout> | undefined;
    let statsTimer: ReturnType<typeof setInterval> | undefined;

    const fail = (message: string) => {
      if (cancelled) return;
      setError(message);
      setStatus('error');
    };
    const signal = (payload: Record<string, unknown>) =>
      emitWithAck(io, 'rtc:signal', { appointmentId, signal: payload }).catch(() => undefined);

    const stopMedia = () => {
      clearTimeout(disconnectedTimer);
      clearInterval(statsTimer);
      if (pc) {
        pc.onicecandidate = null;
        pc.ontrack = null;
        pc.oniceconnectionstatechange = null;
        pc.close();
        if (window.__arogyamCall === pc) delete window.__arogyamCall;
      }
      stream?.getTracks().forEach((track) => track.stop());
    };

    const markAccepted = (view?: Partial<VideoCallView>) => {
      const at = view?.startedAt ? Date.parse(view.startedAt) : Date.now();
      setAcceptedAt((previous) => previous ?? (Number.isNaN(at) ? Date.now() : at));
    };

    const sendOffer = async (iceRestart = false) => {
      if (!pc || cancelled) return;
      const offer = await pc.createOffer({ iceRestart });
      await pc.setLocalDescription(offer);
      await signal({ type: 'offer', sdp: offer.sdp });
    };

    const flushCandidates = async () => {
      while (pc && pendingCandidates.length) {
        const candidate = pendingCandidates.shift() as RTCIceCandidateInit;
        await pc.addIceCandidate(candidate).catch(() => undefined);
      }
    };

    const onSignal = async ({ appointmentId: id, signal: received }: VideoSignalView) => {
      if (id !== appointmentId || !pc || cancelled) return;
      try {
        if (received.type === 'offer') {
          await pc.setRemoteDescription({ type: 'offer', sdp: String(received.sdp) });
          remoteDescribed = true;
          await flushCandidates();
          const answer = await pc.createAnswer();
          await pc.setLocalDescription(answer);
          await signal({ type: 'answer', sdp: answer.sdp });
        } else if (received.type === 'answer') {
          await pc.setRemoteDescription({ type: 'answer', sdp: String(received.sdp) });
          remoteDescribed = true;
          await flushCandidates();
        } else if (received.type === 'ice' && received.candidate) {
          const candidate = received.candidate as RTCIceCandidateInit;
          if (remoteDescribed) await pc.addIceCandidate(candidate).catch(() => undefined);
          else pendingCandidates.push(candidate);
        }
      } catch {
        fail('The video connection could not be set up. End the call and try again.');
      }
    };
    const onAccepted = (view: VideoCallView) => {
      if (view.appointmentId !== appointmentId || cancelled) return;
      markAccepted(view);
      setStatus('connecting');
      if (role === 'doctor') void sendOffer().catch(() => fail('The call could not be connected.'));
    };
    const onDeclined = (view: VideoCallView) => {
      if (view.appointmentId !== appointmentId || cancelled) return;
      setStatus('declined');
      stopMedia();
    };
    const onEnded = (view: VideoCallView) => {
      if (view.appointmentId !== appointmentId || cancelled) return;
      setDurationSeconds(view.durationSeconds ?? null);
      setStatus('ended');
      stopMedia();
    };
    // After a reconnect, read the room's state again: an ended call may have been missed.
    const onReconnect = () => {
      void emitWithAck<VideoJoinView>(io, 'rtc:join', { appointmentId })
        .then((join) => {
          if (role === 'doctor' && join.state === 'accepted' && pc?.iceConnectionState !== 'connected')
            void sendOffer(true);
        })
        .catch(() => undefined);
    };

    io.on('rtc:signal', onSignal);
    io.on('call:accepted', onAccepted);
    io.on('call:declined', onDeclined);
    io.on('call:ended', onEnded);
    io.on('connect', onReconnect);

    const run = async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
      } catch (thrown) {
        return fail(mediaErrorMessage(thrown));
      }
      if (cancelled) return stopMedia();
      streamRef.current = stream;
      setLocalStream(stream);

      let join: VideoJoinView;
      try {
        join = await emitWithAck<VideoJoinView>(io, 'rtc:join', { appointmentId });
      } catch (thrown) {
        return fail(toRealtimeError(thrown).message);
      }
      if (cancelled) return undefined;
      setPeerName(join.peer?.fullName ?? null);

      pc = new RTCPeerConnection({ iceServers: join.iceServers as RTCIceServer[] });
      pcRef.current = pc;
      window.__arogyamCall = pc; // test hook, see the declaration above
      const current = pc;
      stream.getTracks().forEach((track) => current.addTrack(track, stream as MediaStream));
      const remote = new MediaStream();
      setRemoteStream(remote);
      current.ontrack = (event) => {
        if (!remote.getTracks().includes(event.track)) remote.addTrack(event.track);
        // A new object so the remote <video> picks the tracks up.
        setRemoteStream(new MediaStream(remote.getTracks()));
      };
      current.onicecandidate = (event) => {
        if (event.candidate) void signal({ type: 'ice', candidate: event.candidate.toJSON() });
      };
      current.oniceconnectionstatechange = () => {
        const state = current.iceConnectionState;
        clearTimeout(disconnectedTimer);
        if (state === 'connected' || state === 'completed') setStatus('connected');
        else if (state === 'disconnected') {
          setStatus('reconnecting');
          disconnectedTimer = setTimeout(() => {
            if (role === 'doctor' && current.iceConnectionState !== 'connected') void sendOffer(true);
          }, DISCONNECTED_GRACE_MS);
        } else if (state === 'failed') {
          setStatus('reconnecting');
          // The doctor is the offerer, so the doctor restarts ICE; the patient answers the new offer.
          if (role === 'doctor') void sendOffer(true).catch(() => undefined);
          else void emitWithAck(io, 'rtc:join', { appointmentId }).catch(() => undefined);
        }
      };

      let last: LossSample = { received: 0, lost: 0 };
      statsTimer = setInterval(() => {
        void sampleQuality(current, last)
          .then(({ quality: next, sample }) => {
            last = sample;
            if (!cancelled) setQuality(next);
          })
          .catch(() => undefined);
      }, STATS_INTERVAL_MS);

      try {
        if (role === 'doctor') {
          if (join.state === 'accepted') {
            markAccepted();
            setStatus('connecting');
            await sendOffer();
          } else if (join.state === 'ringing') {
            setStatus('ringing');
          } else {
            await emitWithAck<VideoCallView>(io, 'call:start', { appointmentId });
            if (!cancelled) setStatus((previous) => (previous === 'joining' ? 'ringing' : previous));
          }
        } else if (join.state === 'ringing') {
          const view = await emitWithAck<VideoCallView>(io, 'call:accept', { appointmentId });
          markAccepted(view);
          if (!cancelled) setStatus('connecting');
        } else if (join.state === 'accepted') {
          markAccepted();
          setStatus('connecting');
          // Ask the doctor's side for a fresh offer by rejoining: it restarts ICE on reconnects.
        } else {
          fail('There is no call to answer right now. Wait for your doctor to call.');
        }
      } catch (thrown) {
        fail(toRealtimeError(thrown).message);
      }
      return undefined;
    };
    void run();

    teardownRef.current = stopMedia;
    return () => {
      cancelled = true;
      io.off('rtc:signal', onSignal);
      io.off('call:accepted', onAccepted);
      io.off('call:declined', onDeclined);
      io.off('call:ended', onEnded);
      io.off('connect', onReconnect);
      stopMedia();
      pcRef.current = null;
      streamRef.current = null;
    };
  }, [ready, socket, appointmentId, role]);

  // The call timer runs from acceptance until the call is over.
  useEffect(() => {
    if (acceptedAt === null || status === 'ended' || status === 'declined' || status === 'error')
      return undefined;
    const tick = () => setElapsedSeconds(Math.max(0, Math.floor((Date.now() - acceptedAt) / 1000)));
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [acceptedAt, status]);

  const toggleMute = useCallback(() => {
    const next = !muted;
    streamRef.current?.getAudioTracks().forEach((track) => (track.enabled = !next));
    setMuted(next);
  }, [muted]);

  const toggleCamera = useCallback(() => {
    const next = !cameraOff;
    streamRef.current?.getVideoTracks().forEach((track) => (track.enabled = !next));
    setCameraOff(next);
  }, [cameraOff]);

  const end = useCallback(async () => {
    if (!socket) return;
    try {
      const view = await emitWithAck<VideoCallView>(socket, 'call:end', { appointmentId });
      setDurationSeconds(view.durationSeconds ?? null);
    } catch {
      // Ended locally either way; the server ends a call nobody is in.
    }
    teardownRef.current();
    setStatus('ended');
  }, [socket, appointmentId]);

  return {
    status,
    error,
    localStream,
    remoteStream,
    muted,
    cameraOff,
    elapsedSeconds,
    quality,
    peerName,
    durationSeconds,
    toggleMute,
    toggleCamera,
    end,
  };
}
