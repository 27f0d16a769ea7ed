import type { types as ms } from 'mediasoup';
import {
  DomainError,
  type MediaKind,
  type MediaTarget,
  type SfuConsumerView,
  type SfuProducerClosedView,
  type SfuProducerView,
  type SfuTransportView,
  type TransportDirection,
  type VideoQuality,
} from '@arogyam/contracts';
import { askForKeyframeUntilForwarded } from './first-keyframe';
import { FIRST_PICTURE_LAYERS, SfuPeer, type TransportAppData } from './sfu-peer';

/** Who hears of what happens in a room's router (CallPush in production, a fake in a unit test). */
export interface SfuRoomNotices {
  newProducer(toUserId: string, producer: SfuProducerView): void;
  producerClosed(toUserId: string, closed: SfuProducerClosedView): void;
}

/** Where a room reports the media server's own failures (they are not the client's fault). */
export type SfuFaultLog = (message: string) => void;

/**
 * Runs a mediasoup call with client-supplied parameters. mediasoup checks them and throws a
 * TypeError or UnsupportedError on bad ones (also when the worker refuses them): the client's
 * mistake, 400. Anything else is the media server failing (a worker that died or closed the
 * channel: InvalidStateError, 503; any other worker or channel error: 500), logged here and
 * answered as the server's fault.
 */
export async function asClientRequest<T>(what: string, run: () => Promise<T>, log: SfuFaultLog): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    if (error instanceof TypeError || name === 'UnsupportedError') {
      throw DomainError.badRequest(`The ${what} was refused: ${message}`);
    }
    log(`${what} failed in the media server (${name}): ${message}`);
    const status = name === 'InvalidStateError' ? 503 : 500;
    throw new DomainError(status, `The media server could not set up the ${what}; try again.`);
  }
}

/**
 * One consultation's media on the SFU: its mediasoup router and a peer per participant who set up
 * transports. Each producer is offered to the other participant (`newProducer`); consumers are
 * created paused, so no packet is lost before the client has wired the track, and the client
 * resumes them. When the router goes (room closed, worker died) so does everything in it.
 */
export class SfuRoom {
  private readonly peers = new Map<string, SfuPeer>();

  constructor(
    readonly appointmentId: string,
    /** The doctor's and the patient's user ids. */
    private readonly participants: readonly string[],
    private router: ms.Router,
    private readonly transportOptions: ms.WebRtcTransportOptions,
    private readonly notices: SfuRoomNotices,
    private readonly fault: SfuFaultLog,
  ) {}

  get rtpCapabilities(): ms.RouterRtpCapabilities {
    return this.router.rtpCapabilities;
  }

  /** The router is gone (its worker died, or the room closed). */
  get closed(): boolean {
    return this.router.closed;
  }

  /** A participant starts a new media session (join): what an earlier one left behind is closed. */
  startSession(userId: string): void {
    this.removePeer(userId);
  }

  /** The other participants' producers, for a participant who joins after they started sending. */
  producersFor(userId: string): SfuProducerView[] {
    return [...this.peers.values()]
      .filter((peer) => peer.userId !== userId)
      .flatMap((peer) => peer.liveProducers().map((producer) => this.producerView(peer.userId, producer)));
  }

  async createTransport(userId: string, direction: TransportDirection): Promise<SfuTransportView> {
    const transport = await this.router.createWebRtcTransport<TransportAppData>({
      ...this.transportOptions,
      appData: { direction },
    });
    this.peerOf(userId).addTransport(transport);
    return {
      transportId: transport.id,
      iceParameters: transport.iceParameters,
      iceCandidates: transport.iceCandidates,
      dtlsParameters: transport.dtlsParameters,
    };
  }

  async connectTransport(userId: string, transportId: string, dtlsParameters: unknown): Promise<void> {
    const transport = this.existingPeer(userId).transport(transportId);
    await asClientRequest(
      'DTLS connection',
      () => transport.connect({ dtlsParameters: dtlsParameters as ms.DtlsParameters }),
      this.fault,
    );
  }

  /** A track from the participant's send transport; the other participant is told to consume it. */
  async produce(
    userId: string,
    transportId: string,
    kind: MediaKind,
    rtpParameters: unknown,
  ): Promise<SfuProducerView> {
    const peer = this.existingPeer(userId);
    const transport = peer.transport(transportId, 'send');
    // A camera is held paused until the other participant receives it (firstPicture).
    const held = kind === 'video';
    const producer = await asClientRequest(
      'producer',
      () => transport.produce({ kind, rtpParameters: rtpParameters as ms.RtpParameters, paused: held }),
      this.fault,
    );
    peer.addProducer(producer, held);
    const view = this.producerView(userId, producer);
    for (const other of this.participants) if (other !== userId) this.notices.newProducer(other, view);
    return view;
  }

  /** A consumer of another participant's producer on the caller's recv transport, paused. */
  async consume(userId: string, producerId: string, rtpCapabilities: unknown): Promise<SfuConsumerView> {
    const peer = this.existingPeer(userId);
    const owner = this.ownerOf(producerId);
    if (!owner || owner.userId === userId) throw DomainError.notFound('No such producer to receive.');
    const capabilities = rtpCapabilities as ms.RtpCapabilities;
    if (!this.router.canConsume({ producerId, rtpCapabilities: capabilities })) {
      throw DomainError.unprocessable('This device cannot receive that media (no common codec).');
    }
    const transport = peer.recvTransport();
    const consumer = await asClientRequest(
      'consumer',
      () =>
        transport.consume({
          producerId,
          rtpCapabilities: capabilities,
          paused: true,
          preferredLayers: FIRST_PICTURE_LAYERS,
        }),
      this.fault,
    );
    peer.addConsumer(consumer);
    // The producer went (its owner left or stopped sending): the consumer closed with it.
    consumer.on('producerclose', () =>
      this.notices.producerClosed(userId, {
        appointmentId: this.appointmentId,
        producerId,
        consumerId: consumer.id,
      }),
    );
    return {
      consumerId: consumer.id,
      producerId,
      kind: consumer.kind,
      rtpParameters: consumer.rtpParameters,
      paused: consumer.paused,
    };
  }

  async setPaused(userId: string, target: MediaTarget, id: string, paused: boolean): Promise<void> {
    const peer = this.existingPeer(userId);
    await peer.setPaused(target, id, paused);
    const consumer = target === 'consumer' && !paused ? peer.consumer(id) : undefined;
    if (consumer?.kind === 'video') await this.firstPicture(consumer);
  }

  /**
   * A video consumer went live: the camera it receives, held paused since it was produced, is
   * resumed now. mediasoup asks the sender for a keyframe on resume, so that request comes when a
   * receiver waits for it and after no earlier one (Chrome ignores a request within 300 ms of
   * the one before, and mediasoup would then wait a second before asking again); if even that
   * one goes unanswered, the server asks again until a keyframe is forwarded (first-keyframe.ts).
   */
  private async firstPicture(consumer: ms.Consumer): Promise<void> {
    const owner = this.ownerOf(consumer.producerId);
    const producer = await owner?.release(consumer.producerId);
    if (owner && producer)
      askForKeyframeUntilForwarded(consumer, producer, () => owner.askForKeyframe(producer.id));
  }

  /** The picture quality the participant receives (see SfuPeer.setQuality). */
  setQuality(userId: string, quality: VideoQuality): Promise<number> {
    return this.existingPeer(userId).setQuality(quality);
  }

  /** The participant left: their transports, producers and consumers close. */
  removePeer(userId: string): void {
    this.peers.get(userId)?.close();
    this.peers.delete(userId);
  }

  /** After a worker death: a new router, and nobody's old media (everyone sets up again). */
  rebuild(router: ms.Router): void {
    this.closePeers();
    this.router = router;
  }

  close(): void {
    this.closePeers();
    this.router.close();
  }

  private closePeers(): void {
    for (const peer of this.peers.values()) peer.close();
    this.peers.clear();
  }

  /** The participant sending a producer. */
  private ownerOf(producerId: string): SfuPeer | undefined {
    return [...this.peers.values()].find((peer) =>
      peer.liveProducers().some((producer) => producer.id === producerId),
    );
  }

  private peerOf(userId: string): SfuPeer {
    let peer = this.peers.get(userId);
    if (!peer) this.peers.set(userId, (peer = new SfuPeer(userId)));
    return peer;
  }

  private existingPeer(userId: string): SfuPeer {
    const peer = this.peers.get(userId);
    if (!peer) throw DomainError.conflict('Create a transport first (rtc:transport).');
    return peer;
  }

  private producerView(userId: string, producer: ms.Producer): SfuProducerView {
    return { appointmentId: this.appointmentId, producerId: producer.id, userId, kind: producer.kind };
  }
}
