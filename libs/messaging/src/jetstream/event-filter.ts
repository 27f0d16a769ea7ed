import { eventSubject } from '@arogyam/contracts';

/**
 * The name a service's consumers go by: its dead letters (`dead.<name>`), the replay of them
 * (`deadletters.replay.<name>`), and the one durable consumer a service had before it had one per
 * event type (removed at start, see EventConsumer).
 */
export const durableNameOf = (service: string): string => `${service}-service`;

/** One durable consumer of a service: the one event type it takes, and its filter subject. */
export interface EventDurable {
  /** `<service>-service_<type with dots as underscores>`: the same on every start and instance. */
  name: string;
  type: string;
  /** `evt.<type>`, no wildcard: nothing but that type reaches the consumer. */
  filterSubject: string;
}

const WILDCARD = /(^|\.)(\*|>)(\.|$)/;

/**
 * The durable consumers of a service that handles `types`, one per type. nats-server 2.9 allows
 * one filter subject per consumer; a consumer of several types would filter on a wildcard
 * (`evt.*.*`) and see every event under it, other services' health data included. One consumer
 * per type filters on the type's own subject, on 2.9 and on every later server alike.
 */
export function eventDurablesOf(service: string, types: readonly string[]): EventDurable[] {
  return [...new Set(types)].sort().map((type) => {
    if (type.length === 0 || WILDCARD.test(type))
      throw new Error(`"${type}" is not an event type ${service}-service can consume (no wildcards)`);
    return {
      name: `${durableNameOf(service)}_${type.split('.').join('_')}`,
      type,
      filterSubject: eventSubject(type),
    };
  });
}
