import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@arogyam/contracts';

/** A new fact, stamped once: its id is the dedup key all the way to every consumer. */
export function createEvent<TType extends string, TPayload>(
  type: TType,
  payload: TPayload,
  version = 1,
): EventEnvelope<TType, TPayload> {
  return { id: randomUUID(), type, version, occurredAt: new Date().toISOString(), payload };
}
