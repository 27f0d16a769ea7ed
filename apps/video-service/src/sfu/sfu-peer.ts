import type { types as ms } from 'mediasoup';
import {
  DomainError,
  type MediaTarget,
  type TransportDirection,
  type VideoQuality,
} from '@arogyam/contracts';
import { untilLowestLayerFlows } from './lowest-layer';

/**
 * The simulcast layer a video consumer prefers for each quality: the smallest picture (a quarter
 * of the camera's resolution) for the data saver; for `auto` the highest, of which mediasoup
 * forwards what the receiver's bandwidth estimate allows.
 */
const PREFERRED_SPATIAL_LAYER: Record<VideoQuality, number> = { low: 0, auto: 2 };

/**
 * Where a video consumer starts, whatever the quality asked for: the smallest picture, the one a
 * sending browser short of bandwidth or CPU still encodes. mediasoup may otherwise choose a larger
 * layer whose stream the sender has just stopped (it still counts as live for a second or so),
 * and ask it for keyframes that never come (seen in the video benchmark: 2–3 s to the first
 * picture). Once the first picture is through, the consumer goes to the quality asked for, and
 * mediasoup switches up when the larger layer sends a keyframe, with no gap.
 */
export const FIRST_PICTURE_LAYERS: ms.ConsumerLayers = { spatialLayer: 0 };
/**
 * A consumer with no picture this long after it was created goes to the quality asked for anyway:
 * a sender that stopped its smallest layer too (it happens on a CPU-starved machine) leaves
 * mediasoup nothing to forward below the preferred layer.
 */
export const FIRST_PICTURE_LAYERS_FOR_MS = 2_000;

/** What video-service keeps on each WebRTC transport. */
export interface TransportAppData extends ms.AppData {
  direction: TransportDirection;
}

/**
 * One participant's media in a consultation's router: their send and recv WebRTC transports and
 * the producers and consumers on them. Closing a transport closes what runs on it (mediasoup), and
 * each map forgets what closed, however it closed (peer left, producer gone, router closed).
 */
export class SfuPeer {
  private readonly transports = new Map<string, ms.WebRtcTransport<TransportAppData>>();
  private readonly producers = new Map<string, ms.Producer>();
  private readonly consumers = new Map<string, ms.Consumer>();
  /** Camera producers created paused until the other participant receives them (sfu-room.ts). */
  private readonly held = new Set<string>();
  /** Producers their owner paused (camera or microphone off): nothing of the server's resumes them. */
  private readonly pausedByOwner = new Set<string>();

  /** What this participant asked to receive (`rtc:quality`); new video consumers go to it after their first picture. */
  private quality: VideoQuality = 'auto';

  constructor(readonly userId: string) {}

  addTransport(transport: ms.WebRtcTransport<TransportAppData>): void {
    this.track(this.transports, transport);
  }

  /** `held`: created paused by the server, to be resumed by `release` (not by the client). */
  addProducer(producer: ms.Producer, held = false): void {
    this.track(this.producers, producer);
    if (held) this.held.add(producer.id);
    producer.observer.once('close', () => {
      this.held.delete(producer.id);
      this.pausedByOwner.delete(producer.id);
    });
  }

  /**
   * Resumes a held producer once its lowest layer flows (lowest-layer.ts): mediasoup then asks its
   * sender for a keyframe on every stream at once (a resumed producer's request bypasses any
   * still pending). The producer, or undefined if it was not held (already released, or paused or
   * resumed by its owner since).
   */
  async release(producerId: string): Promise<ms.Producer | undefined> {
    const producer = this.producers.get(producerId);
    if (!producer || !this.held.has(producerId)) return undefined;
    await untilLowestLayerFlows(producer);
    // Its owner paused or resumed it meanwhile, another consumer released it, or it closed.
    if (!this.held.delete(producerId) || producer.closed) return undefined;
    await producer.resume();
    return producer;
  }

  /**
   * Asks the camera's sender for a keyframe by pausing and resuming its producer (a resume's
   * request bypasses the one mediasoup may hold pending; see first-keyframe.ts). Not while it is
   * held or paused by its owner, and if the owner turns the camera off between the pause and the
   * resume, it stays off.
   */
  async askForKeyframe(producerId: string): Promise<void> {
    const producer = this.producers.get(producerId);
    if (!producer || producer.paused || this.held.has(producerId)) return;
    await producer.pause();
    if (this.pausedByOwner.has(producerId) || producer.closed) return;
    await producer.resume();
  }

  /** One of this participant's consumers. */
  consumer(consumerId: string): ms.Consumer | undefined {
    return this.consumers.get(consumerId);
  }

  /** A consumer created with FIRST_PICTURE_LAYERS goes to the quality asked for after its first picture. */
  addConsumer(consumer: ms.Consumer): void {
    this.track(this.consumers, consumer);
    if (consumer.type !== 'simulcast') return;
    const toQualityAsked = (): void => {
      clearTimeout(timer);
      consumer.off('layerschange', onLayers);
      if (!consumer.closed) void this.prefer(consumer).catch(() => undefined); // closed meanwhile
    };
    // mediasoup reports the layers it forwards once a keyframe switched them on (none: undefined).
    const onLayers = (layers?: ms.ConsumerLayers): void => {
      if (layers) toQualityAsked();
    };
    const timer = setTimeout(toQualityAsked, FIRST_PICTURE_LAYERS_FOR_MS);
    timer.unref();
    consumer.on('layerschange', onLayers);
    consumer.observer.once('close', () => clearTimeout(timer));
  }

  /** Receive the other's camera at this quality, now and in every later consumer; answers how many took it. */
  async setQuality(quality: VideoQuality): Promise<number> {
    this.quality = quality;
    const video = [...this.consumers.values()].filter((consumer) => consumer.kind === 'video');
    await Promise.all(video.map((consumer) => this.prefer(consumer)));
    return video.length;
  }

  private async prefer(consumer: ms.Consumer): Promise<void> {
    // Only simulcast consumers have layers to choose from.
    if (consumer.type !== 'simulcast') return;
    await consumer.setPreferredLayers({ spatialLayer: PREFERRED_SPATIAL_LAYER[this.quality] });
  }

  /** One of this participant's transports, going the given way. */
  transport(transportId: string, direction?: TransportDirection): ms.WebRtcTransport<TransportAppData> {
    const transport = this.transports.get(transportId);
    if (!transport) throw DomainError.notFound('No such transport in this call.');
    if (direction && transport.appData.direction !== direction) {
      throw DomainError.badRequest(
        `This is a ${transport.appData.direction} transport; use a ${direction} one.`,
      );
    }
    return transport;
  }

  /** Where the participant receives: their newest recv transport. */
  recvTransport(): ms.WebRtcTransport<TransportAppData> {
    const recv = [...this.transports.values()].filter((t) => t.appData.direction === 'recv').at(-1);
    if (!recv) throw DomainError.conflict('Create a recv transport first (rtc:transport).');
    return recv;
  }

  /** The participant's producers, to tell a newcomer what it can consume. */
  liveProducers(): ms.Producer[] {
    return [...this.producers.values()];
  }

  /** Pauses or resumes one of this participant's producers or consumers. */
  async setPaused(target: MediaTarget, id: string, paused: boolean): Promise<void> {
    const media = target === 'producer' ? this.producers.get(id) : this.consumers.get(id);
    if (!media) throw DomainError.notFound(`No such ${target} in this call.`);
    // The owner's own pause or resume wins over the server's hold and its keyframe requests.
    if (target === 'producer') {
      this.held.delete(id);
      if (paused) this.pausedByOwner.add(id);
      else this.pausedByOwner.delete(id);
    }
    if (paused) await media.pause();
    else await media.resume();
  }

  /** Closes the transports, and with them every producer and consumer of this participant. */
  close(): void {
    for (const transport of this.transports.values()) transport.close();
    this.transports.clear();
    this.producers.clear();
    this.held.clear();
    this.pausedByOwner.clear();
    this.consumers.clear();
  }

  private track<T extends { id: string; observer: { once(event: 'close', listener: () => void): unknown } }>(
    map: Map<string, T>,
    item: T,
  ): void {
    map.set(item.id, item);
    item.observer.once('close', () => map.delete(item.id));
  }
}
