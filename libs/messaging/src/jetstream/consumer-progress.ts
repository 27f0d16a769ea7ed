import type { ConsumerInfo, JetStreamManager, MsgRequest, NatsError } from 'nats';
import { EVENTS_STREAM } from '@arogyam/contracts';
import type { EventDurable } from './event-filter';

/**
 * The first stream sequence a consumer may not have handled: everything before it is acked (or
 * was never its to deliver). Its ack floor, except where the server's floor says nothing: when
 * nothing is awaiting an ack everything delivered is done, and before its first ack a consumer's
 * floor is 0 (nats-server 2.9), not where it started.
 */
export function resumePointOf(info: ConsumerInfo): number {
  if (info.num_ack_pending === 0) return info.delivered.stream_seq + 1;
  if (info.ack_floor.consumer_seq === 0) return info.config.opt_start_seq ?? 1;
  return info.ack_floor.stream_seq + 1;
}

const isNotFound = (error: unknown): boolean => String((error as NatsError).code) === '404';

/**
 * Whether `durable` has handled every event of its type stored before stream sequence `seq`:
 * nothing of its type lies between where it has got to and `seq`. A look-up of the stream by
 * subject (`next_by_subj`, nats-server >= 2.9), not a read of the consumer's messages.
 */
export async function hasHandledEverythingBefore(
  jsm: JetStreamManager,
  durable: EventDurable,
  seq: number,
): Promise<boolean> {
  const from = resumePointOf(await jsm.consumers.info(EVENTS_STREAM, durable.name));
  if (from >= seq) return true;
  // nats.js 2.29 types MSG.GET without next_by_subj, which the server takes as it is.
  const query = { seq: from, next_by_subj: durable.filterSubject } as unknown as MsgRequest;
  try {
    return (await jsm.streams.getMessage(EVENTS_STREAM, query)).seq >= seq;
  } catch (error) {
    if (isNotFound(error)) return true;
    throw error;
  }
}
