import type { types as ms } from 'mediasoup';
import { DomainError, type MediaTarget, type TransportDirection } from '@arogyam/contracts';

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

  constructor(readonly userId: string) {}

  addTransport(transport: ms.WebRtcTransport<TransportAppData>): void {
    this.track(this.transports, transport);
  }

  addProducer(producer: ms.Producer): void {
    this.track(this.producers, producer);
  }

  addConsumer(consumer: ms.Consumer): void {
    this.track(this.consumers, consumer);
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
    if (paused) await media.pause();
    else await media.resume();
  }

  /** Closes the transports, and with them every producer and consumer of this participant. */
  close(): void {
    for (const transport of this.transports.values()) transport.close();
    this.transports.clear();
    this.producers.clear();
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
