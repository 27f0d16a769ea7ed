import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { EventEnvelope } from '@arogyam/contracts';
import { EventPublisher, failureSummary } from '@arogyam/messaging';

/**
 * Waits before each publish tried again: about five minutes in all, inside the events stream's
 * ten-minute duplicate window, so a retry after an acknowledgement that was lost is dropped.
 */
export const CALL_EVENT_RETRY_DELAYS_MS = [
  1_000, 2_000, 4_000, 8_000, 15_000, 30_000, 60_000, 60_000, 60_000, 60_000,
];

/**
 * Publishes how calls go (started, missed, declined, ended, the waiting room) until JetStream
 * takes them. video-service keeps its calls in memory, without a collection and an outbox to park
 * an event in, so a publish that fails (NATS reconnecting, JetStream slow to answer on a loaded
 * machine) is tried again in the background, the same event id each time; the caller goes on.
 * Without it a call's record was lost with its `call_ended`. Events still waiting at shutdown get
 * one last try.
 */
@Injectable()
export class CallEvents implements OnApplicationShutdown {
  private readonly logger = new Logger(CallEvents.name);
  private readonly waiting = new Map<string, { event: EventEnvelope; timer: NodeJS.Timeout }>();

  constructor(private readonly publisher: EventPublisher) {}

  /** Tries once now; on failure keeps trying in the background (never throws). */
  async publish(event: EventEnvelope): Promise<void> {
    await this.attempt(event, 0);
  }

  async onApplicationShutdown(): Promise<void> {
    const left = [...this.waiting.values()];
    this.waiting.clear();
    for (const { timer } of left) clearTimeout(timer);
    await Promise.all(
      left.map(({ event }) =>
        this.publisher
          .publish(event)
          .catch((error: unknown) =>
            this.logger.error(`Gave up on ${named(event)} at shutdown: ${failureSummary(error)}`),
          ),
      ),
    );
  }

  private async attempt(event: EventEnvelope, failures: number): Promise<void> {
    this.waiting.delete(event.id);
    try {
      await this.publisher.publish(event);
      if (failures > 0) this.logger.log(`Published ${named(event)} after ${failures} failed attempts`);
      return;
    } catch (thrown) {
      const reason = failureSummary(thrown);
      const delay = CALL_EVENT_RETRY_DELAYS_MS[failures];
      if (delay === undefined) {
        this.logger.error(`Gave up on ${named(event)} after ${failures + 1} attempts: ${reason}`);
        return;
      }
      this.logger.warn(
        `Could not publish ${named(event)} (attempt ${failures + 1}): ${reason}; again in ${delay} ms`,
      );
      const timer = setTimeout(() => void this.attempt(event, failures + 1), delay);
      timer.unref();
      this.waiting.set(event.id, { event, timer });
    }
  }
}

/** The event's type and id: never its payload, which names people. */
const named = (event: EventEnvelope): string => `${event.type} ${event.id}`;
