import type { Socket } from 'socket.io-client';
import type { IceServer, VideoSignalView } from '@arogyam/contracts';
import { emitWithAck } from '../socket/socket-ack';
import { swapTrack, type CallMedia, type CallMediaEvents } from './call-media';

/** How long `disconnected` may last before the doctor restarts ICE (it often recovers by itself). */
const DISCONNECTED_GRACE_MS = 4_000;

/**
 * A 1:1 call straight between the two browsers (p2p mode): one RTCPeerConnection, the doctor
 * offers, the patient answers, ICE candidates are relayed as `rtc:signal`. The doctor restarts ICE
 * when the connection fails. `reset` replaces the connection (the other side came back with a new
 * one, `rtc:rejoin`); an offer that cannot be applied (it came from such a new connection before
 * we heard of it) resets too and is applied to the new connection.
 */
export class P2pMedia implements CallMedia {
  private pc!: RTCPeerConnection;
  private remoteDescribed = false;
  private pendingCandidates: RTCIceCandidateInit[] = [];
  private disconnectedTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(
    private readonly io: Socket,
    private readonly appointmentId: string,
    private readonly role: 'doctor' | 'patient',
    private readonly stream: MediaStream,
    private readonly iceServers: IceServer[],
    private readonly events: CallMediaEvents,
  ) {
    this.reset();
  }

  /** A new peer connection with our tracks; the old one is closed. */
  reset(): void {
    this.dropConnection();
    const pc = new RTCPeerConnection({ iceServers: this.iceServers as RTCIceServer[] });
    this.pc = pc;
    this.remoteDescribed = false;
    this.pendingCandidates = [];
    this.stream.getTracks().forEach((track) => pc.addTrack(track, this.stream));
    pc.ontrack = (event) => this.events.onTrack(event.track);
    pc.onicecandidate = (event) => {
      if (event.candidate) void this.signal({ type: 'ice', candidate: event.candidate.toJSON() });
    };
    pc.oniceconnectionstatechange = () => this.onIceState(pc);
  }

  get connected(): boolean {
    const state = this.pc.iceConnectionState;
    return state === 'connected' || state === 'completed';
  }

  /** The call was accepted (or we joined an accepted one): the doctor makes the offer. */
  async connect(): Promise<void> {
    if (this.role === 'doctor') await this.offer();
  }

  async sendVideo(track: MediaStreamTrack): Promise<void> {
    await this.senderOf('video')?.replaceTrack(track);
  }

  /** No renegotiation: the sender's track is replaced, and a reset connection adds the new one. */
  async useTrack(track: MediaStreamTrack): Promise<void> {
    swapTrack(this.stream, track);
    await this.senderOf(track.kind)?.replaceTrack(track);
  }

  private senderOf(kind: string): RTCRtpSender | undefined {
    return this.pc.getSenders().find((candidate) => candidate.track?.kind === kind);
  }

  getStats(): Promise<RTCStatsReport> {
    return this.pc.getStats();
  }

  async onSignal({ appointmentId, signal }: VideoSignalView): Promise<void> {
    if (appointmentId !== this.appointmentId || this.closed) return;
    if (signal.type === 'offer') {
      const offer = { type: 'offer' as const, sdp: String(signal.sdp) };
      await this.pc.setRemoteDescription(offer).catch(async () => {
        this.reset();
        await this.pc.setRemoteDescription(offer);
      });
      this.remoteDescribed = true;
      await this.flushCandidates();
      const answer = await this.pc.createAnswer();
      await this.pc.setLocalDescription(answer);
      await this.signal({ type: 'answer', sdp: answer.sdp });
    } else if (signal.type === 'answer') {
      await this.pc.setRemoteDescription({ type: 'answer', sdp: String(signal.sdp) });
      this.remoteDescribed = true;
      await this.flushCandidates();
    } else if (signal.type === 'ice' && signal.candidate) {
      const candidate = signal.candidate as RTCIceCandidateInit;
      if (this.remoteDescribed) await this.pc.addIceCandidate(candidate).catch(() => undefined);
      else this.pendingCandidates.push(candidate);
    }
  }

  close(): void {
    this.closed = true;
    this.dropConnection();
  }

  private async offer(iceRestart = false): Promise<void> {
    if (this.closed) return;
    const offer = await this.pc.createOffer({ iceRestart });
    await this.pc.setLocalDescription(offer);
    await this.signal({ type: 'offer', sdp: offer.sdp });
  }

  private onIceState(pc: RTCPeerConnection): void {
    if (pc !== this.pc || this.closed) return;
    const state = pc.iceConnectionState;
    clearTimeout(this.disconnectedTimer);
    if (state === 'connected' || state === 'completed') this.events.onStatus('connected');
    else if (state === 'disconnected') {
      this.events.onStatus('reconnecting');
      this.disconnectedTimer = setTimeout(() => {
        if (this.role === 'doctor' && pc.iceConnectionState !== 'connected') void this.offer(true);
      }, DISCONNECTED_GRACE_MS);
    } else if (state === 'failed') {
      this.events.onStatus('reconnecting');
      // The doctor is the offerer, so the doctor restarts ICE; the patient answers the new offer.
      if (this.role === 'doctor') void this.offer(true).catch(() => undefined);
    }
  }

  private async flushCandidates(): Promise<void> {
    while (this.pendingCandidates.length) {
      const candidate = this.pendingCandidates.shift() as RTCIceCandidateInit;
      await this.pc.addIceCandidate(candidate).catch(() => undefined);
    }
  }

  private signal(payload: Record<string, unknown>): Promise<unknown> {
    return emitWithAck(this.io, 'rtc:signal', { appointmentId: this.appointmentId, signal: payload }).catch(
      () => undefined,
    );
  }

  private dropConnection(): void {
    clearTimeout(this.disconnectedTimer);
    if (!this.pc) return;
    this.pc.onicecandidate = null;
    this.pc.ontrack = null;
    this.pc.oniceconnectionstatechange = null;
    this.pc.close();
  }
}
