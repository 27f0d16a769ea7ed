/**
 * Every JetStream event is a fact in the past tense on `evt.<service>.<fact>`. The id is the
 * `Nats-Msg-Id` (JetStream dedup) and the consumers' idempotency key.
 */
export interface EventEnvelope<TType extends string = string, TPayload = unknown> {
  id: string;
  type: TType;
  version: number;
  occurredAt: string;
  payload: TPayload;
}

export const EVENTS_STREAM = 'EVENTS';
export const EVENT_SUBJECT_PREFIX = 'evt.';

export const eventSubject = (type: string): string => `${EVENT_SUBJECT_PREFIX}${type}`;
