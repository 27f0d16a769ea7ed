import type { Socket } from 'socket.io-client';
import type {
  MediaKind,
  SfuConsumerView,
  SfuProducedView,
  SfuProducerClosedView,
  SfuProducerView,
  SfuTransportView,
  TransportDirection,
  VideoJoinView,
} from '@arogyam/contracts';
import { emitWithAck } from '../socket/socket-ack';
import { swapTrack, type CallMedia, type CallMediaEvents } from './call-media';
import { CallSteps } from './call-steps';

/*
 * The SFU client: the part of mediasoup-client's API the call uses (mediasoup-device.ts gives
 * the real Device), so the call logic can be exercised with a stand-in.
 */

export interface SfuTransportOptions {
  id: string;
  iceParameters: unknown;
  iceCandidates: unknown[];
  dtlsParameters: unknown;
  iceServers?: RTCIceServer[];
}

export interface SfuProducer {
  readonly id: string;
  readonly kind: string;
  replaceTrack(options: { track: MediaStreamTrack }): Promise<void>;
  close(): void;
}

export interface SfuConsumer {
  readonly id: string;
  readonly track: MediaStreamTrack;
  close(): void;
}

/** A mediasoup-client transport: it asks its owner to signal DTLS (`connect`) and producers (`produce`). */
export interface SfuTransport {
  readonly id: string;
  on(
    event: 'connect',
    listener: (params: { dtlsParameters: unknown }, done: () => void, fail: (error: Error) => void) => void,
  ): void;
  on(
    event: 'produce',
    listener: (
      params: { kind: MediaKind; rtpParameters: unknown },
      done: (produced: { id: string }) => void,
      fail: (error: Error) => void,
    ) => void,
  ): void;
  on(event: 'connectionstatechange', listener: (state: string) => void): void;
  produce(options: {
    track: MediaStreamTrack;
    encodings?: RTCRtpEncodingParameters[];
    stopTracks?: boolean;
  }): Promise<SfuProducer>;
  consume(options: {
    id: string;
    producerId: string;
    kind: MediaKind;
    rtpParameters: unknown;
  }): Promise<SfuConsumer>;
  getStats(): Promise<RTCStatsReport>;
  close(): void;
}

/** mediasoup-client's Device, as far as the call goes. */
export interface SfuDevice {
  readonly loaded: boolean;
  readonly rtpCapabilities: unknown;
  load(options: { routerRtpCapabilities: unknown }): Promise<void>;
  createSendTransport(options: SfuTransportOptions): SfuTransport;
  createRecvTransport(options: SfuTransportOptions): SfuTransport;
}

export type SfuDeviceFactory = () => SfuDevice;

/**
 * The camera in three simulcast layers (quarter, half and full resolution): the SFU forwards the
 * one the receiver's bandwidth allows, so a poor connection gets a smaller picture, not a frozen one.
 */
export const SIMULCAST_ENCODINGS: RTCRtpEncodingParameters[] = [
  { rid: 'r0', scaleResolutionDownBy: 4, maxBitrate: 150_000 },
  { rid: 'r1', scaleResolutionDownBy: 2, maxBitrate: 500_000 },
  { rid: 'r2', scaleResolutionDownBy: 1, maxBitrate: 1_200_000 },
];

/**
 * A call through the SFU: a send transport with the microphone and the camera (simulcast), a recv
 * transport with a consumer per producer of the other participant (the join's `producers`, then
 * each `rtc:producer`), each resumed once its track is handed over.
 */
export class SfuMedia implements CallMedia {
  private sendTransport?: SfuTransport;
  private recvTransport?: SfuTransport;
  private readonly waiting: SfuProducerView[];
  private readonly consumers = new Map<string, SfuConsumer>();
  private closed = false;
  private recvState = 'new';
  private readonly producers = new Map<string, SfuProducer>();
  /** The set-up's steps, for the video benchmark (call-steps.ts). */
  readonly steps = new CallSteps();

  constructor(
    private readonly io: Socket,
    private readonly join: VideoJoinView,
    private readonly stream: MediaStream,
    private readonly device: SfuDevice,
    private readonly events: CallMediaEvents,
  ) {
    this.waiting = [...(join.producers ?? [])];
  }

  get connected(): boolean {
    return this.recvState === 'connected';
  }

  async connect(): Promise<void> {
    this.steps.mark('connect');
    if (!this.device.loaded)
      await this.device.load({ routerRtpCapabilities: this.join.routerRtpCapabilities });
    // Both transports in one round trip's time: neither needs the other.
    const [sendOptions, recvOptions] = await Promise.all([this.transport('send'), this.transport('recv')]);
    const send = this.device.createSendTransport(sendOptions);
    const recv = this.device.createRecvTransport(recvOptions);
    this.sendTransport = send;
    this.recvTransport = recv;
    this.steps.mark('transports created');
    for (const transport of [send, recv]) {
      const direction = transport === send ? 'send' : 'recv';
      transport.on('connect', ({ dtlsParameters }, done, fail) => {
        this.ask('rtc:connect', { transportId: transport.id, dtlsParameters }).then(() => {
          this.steps.mark(`${direction} transport connected on the server`);
          done();
        }, fail);
      });
      transport.on('connectionstatechange', (state) => this.steps.mark(`${direction} ${state}`));
    }
    send.on('produce', ({ kind, rtpParameters }, done, fail) => {
      this.ask<SfuProducedView>('rtc:produce', { transportId: send.id, kind, rtpParameters }).then(
        ({ producerId }) => done({ id: producerId }),
        fail,
      );
    });
    recv.on('connectionstatechange', (state) => {
      this.recvState = state;
      if (state === 'connected') this.events.onStatus('connected');
      else if (state === 'disconnected' || state === 'failed') this.events.onStatus('reconnecting');
    });
    // Sending and receiving at once: the two transports are separate peer connections, so the
    // other side's picture need not wait for ours to be produced (and the reverse).
    await Promise.all([
      this.produceAll(send),
      Promise.all(this.waiting.splice(0).map((producer) => this.consume(producer))),
    ]);
  }

  private async produceAll(send: SfuTransport): Promise<void> {
    for (const track of this.stream.getTracks()) {
      // stopTracks: false. The tracks are the call's, not this media session's: by default
      // mediasoup-client stops them when the transport closes or produce() fails, and a rejoin
      // (after the media server restarted) would then have only ended tracks to send.
      const producer = await send.produce({
        track,
        stopTracks: false,
        ...(track.kind === 'video' ? { encodings: SIMULCAST_ENCODINGS } : {}),
      });
      this.producers.set(track.kind, producer);
      this.steps.mark(`${track.kind} produced`);
    }
  }

  /** `rtc:producer`: consume it now, or once the recv transport exists. */
  async onProducer(producer: SfuProducerView): Promise<void> {
    if (producer.appointmentId !== this.join.appointmentId || this.closed) return;
    if (this.recvTransport) await this.consume(producer);
    else this.waiting.push(producer);
  }

  /** `rtc:producer:closed`: its consumer is gone on the server; drop ours and the track. */
  onProducerClosed(closed: SfuProducerClosedView): void {
    const consumer = this.consumers.get(closed.consumerId);
    if (!consumer) return;
    this.consumers.delete(closed.consumerId);
    consumer.close();
    this.events.onTrackEnded(consumer.track);
  }

  async sendVideo(track: MediaStreamTrack): Promise<void> {
    await this.producers.get('video')?.replaceTrack({ track });
  }

  /** The producer keeps its id (the other side's consumer goes on); before `connect` it produces this one. */
  async useTrack(track: MediaStreamTrack): Promise<void> {
    swapTrack(this.stream, track);
    await this.producers.get(track.kind)?.replaceTrack({ track });
  }

  /** The server keeps it for this session's later consumers too. */
  async setQuality(quality: 'low' | 'auto'): Promise<void> {
    await this.ask('rtc:quality', { quality });
  }

  getStats(): Promise<RTCStatsReport> {
    if (!this.recvTransport) return Promise.resolve(new Map() as unknown as RTCStatsReport);
    return this.recvTransport.getStats();
  }

  /**
   * What this side sends (outbound-rtp per simulcast layer: keyframes encoded, keyframe requests
   * received), for the video benchmark's account of a slow first picture; nothing else reads it.
   */
  getSendStats(): Promise<RTCStatsReport> {
    if (!this.sendTransport) return Promise.resolve(new Map() as unknown as RTCStatsReport);
    return this.sendTransport.getStats();
  }

  close(): void {
    this.closed = true;
    this.sendTransport?.close();
    this.recvTransport?.close();
    this.consumers.clear();
  }

  private async consume(producer: SfuProducerView): Promise<void> {
    const recv = this.recvTransport;
    if (!recv || this.closed) return;
    const view = await this.ask<SfuConsumerView>('rtc:consume', {
      producerId: producer.producerId,
      rtpCapabilities: this.device.rtpCapabilities,
    });
    const consumer = await recv.consume({
      id: view.consumerId,
      producerId: view.producerId,
      kind: view.kind,
      rtpParameters: view.rtpParameters,
    });
    this.consumers.set(consumer.id, consumer);
    this.events.onTrack(consumer.track);
    this.steps.mark(`${view.kind} consumer created`);
    // Created paused on the server so nothing is lost before the track is wired: resume it now.
    await this.ask('rtc:resume', { target: 'consumer', id: consumer.id });
    this.steps.mark(`${view.kind} consumer resumed`);
  }

  private async transport(direction: TransportDirection): Promise<SfuTransportOptions> {
    const view = await this.ask<SfuTransportView>('rtc:transport', { direction });
    return {
      id: view.transportId,
      iceParameters: view.iceParameters,
      iceCandidates: view.iceCandidates,
      dtlsParameters: view.dtlsParameters,
      iceServers: this.join.iceServers,
    };
  }

  private ask<T>(event: string, payload: Record<string, unknown>): Promise<T> {
    return emitWithAck<T>(this.io, event, { appointmentId: this.join.appointmentId, ...payload });
  }
}
