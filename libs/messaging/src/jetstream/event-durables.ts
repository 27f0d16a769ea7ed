import type { Logger } from '@nestjs/common';
import {
  AckPolicy,
  DeliverPolicy,
  nanos,
  type ConsumerConfig,
  type ConsumerInfo,
  type JetStreamManager,
} from 'nats';
import { EVENTS_STREAM } from '@arogyam/contracts';
import { resumePointOf } from './consumer-progress';
import type { EventDurable } from './event-filter';

/** The settings every consumer of a service gets, from its EventConsumer's options. */
export interface EventDurableSettings {
  ackWaitMs: number;
  maxDeliveries: number;
  logger: Logger;
}

/**
 * Creates each of a service's durable consumers, or brings an existing one's settings up to date,
 * then removes the service's one consumer of the code before (`serviceName`, `<service>-service`,
 * whose filter took a wildcard's worth of events). A new consumer starts where the service had got
 * to (the lowest point before which one of its existing consumers, the old one included, had
 * handled everything), or at the first stored event on a service's first start: events after that
 * point are delivered, again if acked out of order (handlers are idempotent); events of a newly
 * handled type from before it are not, as when one consumer's filter widened.
 */
export async function ensureEventDurables(
  jsm: JetStreamManager,
  serviceName: string,
  durables: readonly EventDurable[],
  settings: EventDurableSettings,
): Promise<void> {
  const infoOf = (name: string): Promise<ConsumerInfo | undefined> =>
    jsm.consumers.info(EVENTS_STREAM, name).catch(() => undefined);
  const before = await infoOf(serviceName);
  const existing = await Promise.all(durables.map((durable) => infoOf(durable.name)));
  const known = [before, ...existing].filter((info): info is ConsumerInfo => info !== undefined);
  const resumeAt = known.length > 0 ? Math.min(...known.map(resumePointOf)) : undefined;
  for (const [index, durable] of durables.entries())
    await ensureDurable(jsm, durable, existing[index], resumeAt, settings);
  if (before) {
    await jsm.consumers.delete(EVENTS_STREAM, serviceName).catch(() => undefined);
    settings.logger.log(
      `Consumer ${serviceName} (${before.config.filter_subject}) replaced by one per event type, from event ${resumeAt}`,
    );
  }
}

const startingAt = (seq: number | undefined): Partial<ConsumerConfig> =>
  seq === undefined
    ? { deliver_policy: DeliverPolicy.All }
    : { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: seq };

/**
 * One durable consumer. NATS 2.9 cannot change a consumer's filter, so one whose filter differs
 * is made again from where it had got to.
 */
async function ensureDurable(
  jsm: JetStreamManager,
  durable: EventDurable,
  existing: ConsumerInfo | undefined,
  resumeAt: number | undefined,
  settings: EventDurableSettings,
): Promise<void> {
  const wanted: Partial<ConsumerConfig> = {
    ack_policy: AckPolicy.Explicit,
    filter_subject: durable.filterSubject,
    ack_wait: nanos(settings.ackWaitMs),
    max_deliver: settings.maxDeliveries,
  };
  if (!existing) return addDurable(jsm, durable, { ...startingAt(resumeAt), ...wanted });
  const { config } = existing;
  if (config.filter_subject !== wanted.filter_subject) {
    const ownResumeAt = resumePointOf(existing);
    await jsm.consumers.delete(EVENTS_STREAM, durable.name).catch(() => undefined);
    await addDurable(jsm, durable, { ...startingAt(ownResumeAt), ...wanted });
    settings.logger.log(
      `Consumer ${durable.name} now takes ${durable.filterSubject}, from event ${ownResumeAt}`,
    );
    return;
  }
  if (config.ack_wait !== wanted.ack_wait || config.max_deliver !== wanted.max_deliver) {
    await jsm.consumers.update(EVENTS_STREAM, durable.name, {
      ack_wait: wanted.ack_wait,
      max_deliver: wanted.max_deliver,
    });
    settings.logger.log(`Consumer ${durable.name} settings brought up to date`);
  }
}

async function addDurable(
  jsm: JetStreamManager,
  durable: EventDurable,
  config: Partial<ConsumerConfig>,
): Promise<void> {
  await jsm.consumers.add(EVENTS_STREAM, { durable_name: durable.name, ...config }).catch((error: Error) => {
    // Another instance made it between our look and our add.
    if (!/already in use|exists/i.test(error.message)) throw error;
  });
}
