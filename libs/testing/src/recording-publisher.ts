import type { EventEnvelope } from '@arogyam/contracts';

/**
 * JetStream as an outbox relay sees it (the relay's `EventPublisher`, in a unit or database test of
 * the relay): it records the id of each event published, and can be down or slow.
 */
export class RecordingPublisher {
  readonly published: string[] = [];
  up = true;
  /** The publish of this event id waits until released. */
  private held?: { id: string; reached: () => void; release: Promise<void> };

  async publish(event: EventEnvelope): Promise<void> {
    if (!this.up) throw new Error('JetStream unavailable');
    if (this.held?.id === event.id) {
      this.held.reached();
      await this.held.release;
    }
    this.published.push(event.id);
  }

  /** Holds the publish of event `id`: `reached` resolves when it starts, `release()` lets it finish. */
  hold(id: string): { reached: Promise<void>; release: () => void } {
    let reached!: () => void;
    let release!: () => void;
    const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
    this.held = { id, reached, release: new Promise<void>((resolve) => (release = resolve)) };
    return { reached: reachedPromise, release };
  }
}
