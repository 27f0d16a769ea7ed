import {
  DEAD_LETTER_STREAM,
  EVENTS_STREAM,
  deadLetterReplaySubject,
  deadLetterSubject,
  eventSubject,
  healthSubject,
} from '@arogyam/contracts';
import { durableNameOf, eventDurablesOf } from '../jetstream/event-filter';
import type { BusPrincipal } from './bus-principal';

/** What nats-server lets one user publish and subscribe to (everything else is refused). */
export interface BusPermissions {
  publish: string[];
  subscribe: string[];
}

const API = '$JS.API';

/** Each principal's replies come to its own inbox prefix, so no one can read another's answers. */
export const inboxPrefixOf = (user: string): string => `_INBOX.${user}`;

const streamApi = (stream: string, ...operations: string[]): string[] =>
  operations.map((operation) => `${API}.STREAM.${operation}.${stream}`);

/** Every JetStream API request about one bucket's own stream (info, create, get, purge, its consumers). */
const bucketApi = (stream: string): string[] => [
  `${API}.*.*.${stream}`,
  `${API}.*.*.${stream}.>`,
  `${API}.*.*.*.${stream}`,
  `${API}.*.*.*.${stream}.>`,
];

function eventPermissions(name: string, declared: BusPrincipal): BusPermissions {
  const publish: string[] = declared.publishesEvents.map(eventSubject);
  const subscribe: string[] = [];
  if (declared.publishesEvents.length > 0 || declared.consumesEvents.length > 0) {
    publish.push(...streamApi(EVENTS_STREAM, 'INFO', 'CREATE'));
  }
  if (declared.consumesEvents.length > 0) {
    const service = durableNameOf(name);
    for (const durable of eventDurablesOf(name, declared.consumesEvents)) {
      const consumer = `${EVENTS_STREAM}.${durable.name}`;
      publish.push(
        // The filter is part of the create subject (nats-server >= 2.9): no other filter is allowed.
        `${API}.CONSUMER.CREATE.${consumer}.${durable.filterSubject}`,
        `${API}.CONSUMER.INFO.${consumer}`,
        `${API}.CONSUMER.DELETE.${consumer}`,
        `${API}.CONSUMER.MSG.NEXT.${consumer}`,
        `$JS.ACK.${consumer}.>`,
      );
      subscribe.push(`$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.${consumer}`);
    }
    publish.push(
      // The service's one consumer of the code before per-type consumers: read where it had got
      // to, then removed (EventConsumer). Never created again, so never read from.
      `${API}.CONSUMER.INFO.${EVENTS_STREAM}.${service}`,
      `${API}.CONSUMER.DELETE.${EVENTS_STREAM}.${service}`,
      // An event whose deliveries ran out is copied from the stream into the dead letters; an
      // erasure looks up whether an earlier event is still to be handled (EventConsumer).
      ...streamApi(EVENTS_STREAM, 'MSG.GET'),
      ...streamApi(DEAD_LETTER_STREAM, 'INFO', 'CREATE'),
      deadLetterSubject(service),
    );
    subscribe.push(deadLetterReplaySubject(service));
  }
  return { publish, subscribe };
}

function bucketPermissions(declared: BusPrincipal): BusPermissions {
  const buckets = declared.keyValueBuckets.length + declared.objectStores.length;
  return {
    publish: [
      // The object store looks its stream up by subject (stream names only, no content).
      ...(buckets > 0 ? [`${API}.STREAM.NAMES`] : []),
      ...declared.keyValueBuckets.flatMap((bucket) => [...bucketApi(`KV_${bucket}`), `$KV.${bucket}.>`]),
      ...declared.objectStores.flatMap((bucket) => [
        ...bucketApi(`OBJ_${bucket}`),
        `$O.${bucket}.>`,
        `$JS.FC.OBJ_${bucket}.>`,
      ]),
    ],
    subscribe: [],
  };
}

/**
 * The permissions of one principal, from its declaration: its own request subjects to answer, the
 * ones it calls, its events and its consumer, its notices, its buckets, and its own inbox. Replies
 * to requests it received are allowed by `allow_responses` (nats-server-config.ts), not by subject.
 */
export function busPermissions(name: string, declared: BusPrincipal, service: boolean): BusPermissions {
  const events = eventPermissions(name, declared);
  const buckets = bucketPermissions(declared);
  const usesJetStream = [...events.publish, ...buckets.publish].length > 0 || declared.deadLetterAdmin;
  const publish = [
    ...declared.calls,
    ...declared.notifies,
    ...events.publish,
    ...buckets.publish,
    ...(usesJetStream ? [`${API}.INFO`] : []),
    ...(declared.deadLetterAdmin
      ? [...streamApi(DEAD_LETTER_STREAM, 'INFO', 'MSG.GET', 'MSG.DELETE'), deadLetterReplaySubject('*')]
      : []),
    // The container probe asks the service's own health with the service's credentials.
    ...(service ? [healthSubject(name)] : []),
  ];
  const subscribe = [
    ...declared.serves,
    ...(service ? [healthSubject(name)] : []),
    ...declared.listens,
    ...events.subscribe,
    `${inboxPrefixOf(name)}.>`,
  ];
  return { publish: [...new Set(publish)], subscribe: [...new Set(subscribe)] };
}
