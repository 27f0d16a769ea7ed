import { useCallback, useEffect, useRef, useState } from 'react';
import type { Socket } from 'socket.io-client';
import type {
  SfuProducerClosedView,
  SfuProducerView,
  VideoCallView,
  VideoJoinView,
  VideoPeerPresenceView,
  VideoRejoinView,
  VideoSignalView,
  VideoWaitingView,
} from '@arogyam/contracts';
import { emitWithAck, toRealtimeError } from '../socket/socket-ack';
import { useRealtime } from '../socket/socket-provider';
import { swapTrack, type CallMedia, type CallMediaEvents } from './call-media';
import type { CallSteps } from './call-steps';
import { P2pMedia } from './p2p-media';
import { mediasoupDevice } from './mediasoup-device';
import { SfuMedia, type SfuDeviceFactory } from './sfu-media';

export type {
  VideoCallView,
  VideoJoinView,
  VideoSignalView,
  VideoWaitingView,
  CallRecordView,
} from '@arogyam/contracts';

/**
 * Where a call is, as the call screen tells people (see `callStatusLabel`). `waiting`: the patient
 * is in the waiting room until the doctor admits them; `missed`: the doctor's ring was not answered.
 */
export type VideoCallStatus =
  | 'joining'
  | 'waiting'
  | 'ringing'
  | 'missed'
  | 'connecting'
  | 'connected'
  | 'reconnecting'
  | 'declined'
  | 'ended'
  | 'error';

/** The camera and microphone to use (`deviceId`s from enumerateDevices); unset: the browser's default. */
export interface DeviceChoice {
  cameraId?: string;
  microphoneId?: string;
}

export type NetworkQuality = 'Good' | 'Poor' | 'Unknown';

export interface VideoCallOptions {
  appointmentId: string;
  /** The doctor rings and makes the offer; the patient accepts and answers. */
  role: 'doctor' | 'patient';
  /** The SFU client for calls the server puts on the SFU; mediasoup-client's Device by default. */
  sfuDevice?: SfuDeviceFactory;
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
  /** The other participant's connection dropped during the call and has not come back yet. */
  peerAway: boolean;
  /** For the doctor: since when the patient waits to be admitted (ISO), while they do and no call rings. */
  patientWaitingSince: string | null;
  /** The camera and microphone in use. */
  devices: DeviceChoice;
  /** A screen is sent in place of the camera. */
  sharingScreen: boolean;
  /** The other's camera comes at a quarter of its resolution (SFU calls only: see `canSaveData`). */
  dataSaver: boolean;
  /** Whether this call can save data (it runs through the SFU). */
  canSaveData: boolean;
  toggleDataSaver(): Promise<void>;
  toggleMute(): void;
  toggleCamera(): void;
  /**
   * Takes another camera or microphone: in the waiting room's check, and during the call (rejects
   * with a message for people when the device cannot be opened; the call goes on as it was).
   */
  chooseDevices(choice: DeviceChoice): Promise<void>;
  /** The doctor rings (again): admits the waiting patient, or calls after a missed ring. */
  ring(): Promise<void>;
  /** Sends a screen (the browser asks which) in place of the camera, or the camera again. */
  toggleScreenShare(): Promise<void>;
  end(): Promise<void>;
}

export const MEDIA_REFUSED_MESSAGE =
  "Arogyam could not use your camera and microphone. Allow camera and microphone in your browser's site settings, then try again.";
const NO_MEDIA_MESSAGE =
  'No camera or microphone was found. Connect one (or close other apps using it), then try again.';

/**
 * Test hooks: the current call's media (its stats), read by the browser tests and the benchmark;
 * the call's socket, whose connection a browser test drops to see the page reconnect.
 */
declare global {
  interface Window {
    __arogyamCall?: Pick<CallMedia, 'getStats'> & {
      steps?: CallSteps;
      getSendStats?(): Promise<RTCStatsReport>;
    };
    __arogyamCallSocket?: Pick<Socket, 'io'>;
  }
}

/** What Socket.IO's `on`/`off` take; each listener below takes its event's data. */
type SocketListener = Parameters<Socket['on']>[1];

const STATS_INTERVAL_MS = 2_000;
/**
 * How long SFU media may stay lost (ICE disconnected or failed) while the socket is up before the
 * page sets the media up again: a network change can kill the media and leave the socket, and a
 * failed ICE connection to the SFU does not come back by itself.
 */
const MEDIA_RECOVERY_MS = 5_000;
/** More than this share of packets lost since the last sample reads as a poor network. */
const POOR_LOSS_RATIO = 0.05;
const POOR_RTT_SECONDS = 0.4;

const CONNECT_FAILED_MESSAGE = 'The call could not be connected. End the call and try again.';

const constraintsFor = (choice: DeviceChoice): MediaStreamConstraints => ({
  audio: choice.microphoneId ? { deviceId: { exact: choice.microphoneId } } : true,
  video: choice.cameraId ? { deviceId: { exact: choice.cameraId } } : true,
});

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

/** Reads the network quality from the media's stats: packet loss since the last sample, and the RTT. */
async function sampleQuality(
  media: Pick<CallMedia, 'getStats'>,
  last: LossSample,
): Promise<{ quality: NetworkQuality; sample: LossSample }> {
  const report = await media.getStats();
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
 * One side of a video consultation over the session's socket (docs/api.md, "Video calls"): takes
 * the camera and microphone, joins the room, then the doctor rings (`call:start`) while the patient
 * accepts a ringing call. The join answer says how media goes: peer-to-peer (P2pMedia: the doctor
 * offers, the patient answers) or through the SFU (SfuMedia, with `sfuDevice`). On `rtc:rejoin`
 * (the SFU restarted, or the other side came back with a new connection) and after a reconnect
 * of the socket it joins again and starts a new media session. Everything stops on unmount (the
 * call itself ends with `end()`, when the other side ends it, or when one side stays away).
 */
export function useVideoCall({ appointmentId, role, sfuDevice }: VideoCallOptions): VideoCall {
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
  const [peerAway, setPeerAway] = useState(false);
  const [patientWaitingSince, setPatientWaitingSince] = useState<string | null>(null);
  const [devices, setDevices] = useState<DeviceChoice>({});
  const [sharingScreen, setSharingScreen] = useState(false);
  const streamRef = useRef<MediaStream | null>(null);
  const teardownRef = useRef<() => void>(() => undefined);
  const chooseDevicesRef = useRef<(choice: DeviceChoice) => Promise<void>>(async () => undefined);
  const ringRef = useRef<() => Promise<void>>(async () => undefined);
  const screenShareRef = useRef<() => Promise<void>>(async () => undefined);
  const [dataSaver, setDataSaver] = useState(false);
  const [canSaveData, setCanSaveData] = useState(false);
  /** The data saver as last asked for, for each new media session (a rejoin starts with `auto`). */
  const dataSaverRef = useRef(false);
  const qualityRef = useRef<(low: boolean) => Promise<void>>(async () => undefined);
  const sfuDeviceRef = useRef(sfuDevice);
  sfuDeviceRef.current = sfuDevice;

  // Start once the socket is first connected; Socket.IO itself reconnects later drops.
  useEffect(() => {
    if (socket && socketStatus === 'connected') setReady(true);
  }, [socket, socketStatus]);

  useEffect(() => {
    if (!ready || !socket) return undefined;
    const io: Socket = socket;
    let cancelled = false;
    let stream: MediaStream | null = null;
    let media: CallMedia | null = null;
    let remote = new MediaStream();
    /** Counts joins, so an older join's answer arriving late is ignored. */
    let session = 0;
    let statsTimer: ReturnType<typeof setInterval> | undefined;
    /** The last join's answer (a new camera before the call connects opens media on it again). */
    let lastJoin: VideoJoinView | null = null;
    /** Whether the call has been answered on this page: media flows, or is being set up. */
    let inCall = false;
    /** The patient waits to be admitted; a ring then is answered at once. */
    let waiting = false;
    /** Since when the media has been lost (the media's own `reconnecting`), while it is. */
    let mediaLostAt: number | null = null;

    const fail = (message: string) => {
      if (cancelled) return;
      setError(message);
      setStatus('error');
    };
    const showRemote = () => setRemoteStream(new MediaStream(remote.getTracks()));
    const events: CallMediaEvents = {
      onTrack: (track) => {
        if (!remote.getTracks().includes(track)) remote.addTrack(track);
        showRemote(); // a new object so the remote <video> picks the tracks up
      },
      onTrackEnded: (track) => {
        remote.removeTrack(track);
        showRemote();
      },
      onStatus: (next) => {
        mediaLostAt = next === 'reconnecting' ? (mediaLostAt ?? Date.now()) : null;
        if (!cancelled) setStatus(next);
      },
    };

    /** The shared screen's track while one is sent. */
    let screen: MediaStreamTrack | null = null;
    const stopSharing = () => {
      if (!screen) return;
      screen.stop();
      screen = null;
      setSharingScreen(false);
      const camera = stream?.getVideoTracks()[0];
      if (camera) void media?.sendVideo(camera).catch(() => undefined);
    };
    const stopMedia = () => {
      stopSharing();
      clearInterval(statsTimer);
      media?.close();
      if (window.__arogyamCall === media) delete window.__arogyamCall;
      media = null;
      stream?.getTracks().forEach((track) => track.stop());
    };

    /** A new media session for this join answer, replacing the current one. */
    const openMedia = (join: VideoJoinView, local: MediaStream): void => {
      if (screen) {
        // A new session sends the camera: the shared screen ends with the old one.
        screen.stop();
        screen = null;
        setSharingScreen(false);
      }
      media?.close();
      remote = new MediaStream();
      setRemoteStream(remote);
      const device = sfuDeviceRef.current ?? mediasoupDevice;
      media =
        join.mode === 'sfu'
          ? new SfuMedia(io, join, local, device(), events)
          : new P2pMedia(io, appointmentId, role, local, join.iceServers, events);
      window.__arogyamCall = media; // test hook, see the declaration above
      setCanSaveData(Boolean(media.setQuality));
    };
    const connectMedia = () => {
      const connecting = media;
      void connecting
        ?.connect()
        .then(() => (dataSaverRef.current ? connecting.setQuality?.('low') : undefined))
        .catch((error: unknown) => {
          // The page shows a plain message; the cause goes to the console for whoever debugs it.
          console.error('video call: media connection failed', error);
          fail(CONNECT_FAILED_MESSAGE);
        });
    };

    const markAccepted = (view?: Partial<VideoCallView>) => {
      const at = view?.startedAt ? Date.parse(view.startedAt) : Date.now();
      setAcceptedAt((previous) => previous ?? (Number.isNaN(at) ? Date.now() : at));
    };

    const onSignal = (view: VideoSignalView) => {
      if (!(media instanceof P2pMedia) || cancelled) return;
      void media
        .onSignal(view)
        .catch(() => fail('The video connection could not be set up. End the call and try again.'));
    };
    const onProducer = (producer: SfuProducerView) => {
      if (!(media instanceof SfuMedia) || cancelled) return;
      void media.onProducer(producer).catch(() => fail(CONNECT_FAILED_MESSAGE));
    };
    const onProducerClosed = (closed: SfuProducerClosedView) => {
      if (media instanceof SfuMedia && closed.appointmentId === appointmentId) media.onProducerClosed(closed);
    };
    const onAccepted = (view: VideoCallView) => {
      if (view.appointmentId !== appointmentId || cancelled) return;
      inCall = true;
      setPatientWaitingSince(null);
      markAccepted(view);
      setStatus('connecting');
      connectMedia();
    };
    /** The patient waiting here answers the doctor's ring: being admitted. */
    const answer = async () => {
      waiting = false;
      inCall = true;
      try {
        const view = await emitWithAck<VideoCallView>(io, 'call:accept', { appointmentId });
        markAccepted(view);
        if (!cancelled) setStatus('connecting');
        connectMedia();
      } catch (thrown) {
        fail(toRealtimeError(thrown).message);
      }
    };
    const onRinging = (view: VideoCallView) => {
      if (view.appointmentId !== appointmentId || cancelled || role !== 'patient' || !waiting) return;
      void answer();
    };
    const onMissed = (view: VideoCallView) => {
      if (view.appointmentId !== appointmentId || cancelled || role !== 'doctor') return;
      setStatus('missed');
    };
    const onWaiting = (view: VideoWaitingView) => {
      if (view.appointmentId !== appointmentId || cancelled) return;
      setPatientWaitingSince(view.waiting && !inCall ? (view.since ?? new Date().toISOString()) : null);
    };
    const onPeer = (view: VideoPeerPresenceView) => {
      if (view.appointmentId === appointmentId && !cancelled) setPeerAway(!view.present);
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

    /**
     * Joins again and starts a new media session: after `rtc:rejoin`, or after the socket
     * reconnected (the server may have counted us gone, and an ended call may have been missed).
     */
    const rejoin = async () => {
      if (!stream || cancelled) return;
      mediaLostAt = null;
      const local = stream;
      const mine = ++session;
      // At once, so an offer the other side makes meanwhile lands on the new connection.
      if (media instanceof P2pMedia) media.reset();
      let join: VideoJoinView;
      try {
        join = await emitWithAck<VideoJoinView>(io, 'rtc:join', { appointmentId });
      } catch {
        return; // offline again: the next reconnect joins again
      }
      if (cancelled || mine !== session) return;
      lastJoin = join;
      setPeerAway(false);
      if (join.state === 'accepted') {
        inCall = true;
        if (join.mode === 'sfu' || !(media instanceof P2pMedia)) {
          openMedia(join, local);
        }
        // The connection reset above may be up already: the other side's offer can beat this answer.
        setStatus(media?.connected ? 'connected' : 'connecting');
        connectMedia();
      } else if (role === 'patient' && !inCall) {
        // Still in the waiting room (or rung meanwhile: answer).
        openMedia(join, local);
        waiting = true;
        if (join.state === 'ringing') void answer();
        else setStatus('waiting');
      } else if (join.state !== 'ringing' && !(role === 'doctor' && !inCall)) {
        setStatus('ended'); // it ended while we were away
        stopMedia();
      }
    };
    const onRejoin = (view: VideoRejoinView) => {
      if (view.appointmentId === appointmentId) void rejoin();
    };
    const onReconnect = () => void rejoin();
    /**
     * The socket dropped mid-call: the media is set up again once it is back (`rejoin`), so until
     * then the call is reconnecting, not connected, whatever the old media still shows.
     */
    const onDisconnect = () => {
      if (inCall && media && !cancelled) setStatus('reconnecting');
    };

    const listeners: [string, SocketListener][] = [
      ['rtc:signal', onSignal],
      ['rtc:producer', onProducer],
      ['rtc:producer:closed', onProducerClosed],
      ['rtc:rejoin', onRejoin],
      ['call:accepted', onAccepted],
      ['call:ringing', onRinging],
      ['call:missed', onMissed],
      ['call:waiting', onWaiting],
      ['rtc:peer', onPeer],
      ['call:declined', onDeclined],
      ['call:ended', onEnded],
      ['connect', onReconnect],
      ['disconnect', onDisconnect],
    ];
    for (const [event, listener] of listeners) io.on(event, listener);
    window.__arogyamCallSocket = io; // test hook, see the declaration above

    /**
     * Another camera or microphone during the call: only the changed device is opened, its track
     * takes the old one's place in the media session (no renegotiation, the other side sees no
     * gap but a frame), keeps its muted or camera-off state, and the old track is stopped. A device
     * that cannot be opened leaves the call as it was and says why (thrown, for the picker to show).
     */
    const switchDuringCall = async (choice: DeviceChoice): Promise<void> => {
      const current = stream;
      if (!current || !media) return;
      const differs = (track: MediaStreamTrack | undefined, deviceId: string | undefined) =>
        deviceId !== undefined && track?.getSettings().deviceId !== deviceId;
      const oldAudio = current.getAudioTracks()[0];
      const oldVideo = current.getVideoTracks()[0];
      const wanted: MediaStreamConstraints = {
        audio: differs(oldAudio, choice.microphoneId) && constraintsFor(choice).audio,
        video: differs(oldVideo, choice.cameraId) && constraintsFor(choice).video,
      };
      if (!wanted.audio && !wanted.video) return;
      let opened: MediaStream;
      try {
        opened = await navigator.mediaDevices.getUserMedia(wanted);
      } catch (thrown) {
        throw new Error(mediaErrorMessage(thrown));
      }
      if (cancelled || stream !== current || !media) {
        opened.getTracks().forEach((track) => track.stop());
        return;
      }
      // The camera comes back in place of a shared screen first, so the new camera replaces it.
      if (opened.getVideoTracks().length > 0) stopSharing();
      const next = new MediaStream(current.getTracks());
      for (const track of opened.getTracks()) {
        const old = track.kind === 'audio' ? oldAudio : oldVideo;
        track.enabled = old?.enabled ?? true;
        await media.useTrack(track);
        swapTrack(next, track);
        old?.stop();
      }
      stream = next;
      streamRef.current = next;
      setLocalStream(next);
      setDevices(choice);
    };

    /**
     * Another camera or microphone, before the call connects: new tracks, the old ones stopped,
     * and the media session opened again on them (nothing was sent yet).
     */
    chooseDevicesRef.current = async (choice: DeviceChoice) => {
      if (cancelled) return;
      if (inCall) return switchDuringCall(choice);
      let next: MediaStream;
      try {
        next = await navigator.mediaDevices.getUserMedia(constraintsFor(choice));
      } catch (thrown) {
        return fail(mediaErrorMessage(thrown));
      }
      if (cancelled || inCall) {
        next.getTracks().forEach((track) => track.stop());
        return undefined;
      }
      stream?.getTracks().forEach((track) => track.stop());
      stream = next;
      streamRef.current = next;
      setLocalStream(next);
      setDevices(choice);
      setMuted(false);
      setCameraOff(false);
      if (lastJoin) openMedia(lastJoin, next);
      return undefined;
    };

    qualityRef.current = async (low: boolean) => {
      if (!media?.setQuality) return;
      await media.setQuality(low ? 'low' : 'auto');
      dataSaverRef.current = low;
      if (!cancelled) setDataSaver(low);
    };

    screenShareRef.current = async () => {
      if (screen) return stopSharing();
      if (!media || !navigator.mediaDevices.getDisplayMedia) return undefined;
      let shared: MediaStream;
      try {
        shared = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
      } catch {
        return undefined; // the doctor chose nothing
      }
      const track = shared.getVideoTracks()[0];
      if (!track || cancelled || !media) return undefined;
      screen = track;
      track.addEventListener('ended', stopSharing); // the browser's own "Stop sharing"
      await media.sendVideo(track);
      setSharingScreen(true);
      return undefined;
    };

    ringRef.current = async () => {
      if (role !== 'doctor' || cancelled) return;
      try {
        await emitWithAck<VideoCallView>(io, 'call:start', { appointmentId });
        setPatientWaitingSince(null);
        if (!cancelled) setStatus('ringing');
      } catch (thrown) {
        fail(toRealtimeError(thrown).message);
      }
    };

    const run = async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
      } catch (thrown) {
        return fail(mediaErrorMessage(thrown));
      }
      if (cancelled) return stopMedia();
      const local = stream;
      streamRef.current = local;
      setLocalStream(local);

      let join: VideoJoinView;
      const mine = ++session;
      try {
        join = await emitWithAck<VideoJoinView>(io, 'rtc:join', { appointmentId });
      } catch (thrown) {
        return fail(toRealtimeError(thrown).message);
      }
      if (cancelled || mine !== session) return undefined;
      lastJoin = join;
      setPeerName(join.peer?.fullName ?? null);
      openMedia(join, local);

      let last: LossSample = { received: 0, lost: 0 };
      statsTimer = setInterval(() => {
        if (!media) return;
        // SFU media lost for a while with the socket up: set it up again (see MEDIA_RECOVERY_MS).
        if (
          media instanceof SfuMedia &&
          io.connected &&
          mediaLostAt &&
          Date.now() - mediaLostAt > MEDIA_RECOVERY_MS
        ) {
          void rejoin();
        }
        void sampleQuality(media, last)
          .then(({ quality: next, sample }) => {
            last = sample;
            if (!cancelled) setQuality(next);
          })
          .catch(() => undefined);
      }, STATS_INTERVAL_MS);

      try {
        if (join.state === 'accepted') {
          // A reload or a second device during the call: straight back in.
          inCall = true;
          markAccepted();
          setStatus('connecting');
          connectMedia();
        } else if (role === 'doctor') {
          if (join.state === 'ringing') setStatus('ringing');
          else {
            await emitWithAck<VideoCallView>(io, 'call:start', { appointmentId });
            if (!cancelled) setStatus((previous) => (previous === 'joining' ? 'ringing' : previous));
          }
        } else if (join.state === 'ringing') {
          await answer();
        } else {
          // The waiting room: the doctor hears of it and admits by ringing (onRinging answers).
          waiting = true;
          setStatus('waiting');
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
      for (const [event, listener] of listeners) io.off(event, listener);
      if (window.__arogyamCallSocket === io) delete window.__arogyamCallSocket;
      stopMedia();
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

  const chooseDevices = useCallback((choice: DeviceChoice) => chooseDevicesRef.current(choice), []);
  const ring = useCallback(() => ringRef.current(), []);
  const toggleScreenShare = useCallback(() => screenShareRef.current(), []);
  const toggleDataSaver = useCallback(() => qualityRef.current(!dataSaverRef.current), []);

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
    peerAway,
    patientWaitingSince,
    devices,
    sharingScreen,
    dataSaver,
    canSaveData,
    toggleDataSaver,
    toggleMute,
    toggleCamera,
    chooseDevices,
    ring,
    toggleScreenShare,
    end,
  };
}
