import { eventSubject } from '@arogyam/contracts';

/**
 * The narrowest single subject that covers every handled event type: nats-server 2.9 allows one
 * filter subject per consumer, so `doctor.renamed` + `patient.renamed` become `evt.*.renamed`
 * and `user.registered` + `user.suspended` become `evt.user.*` (tokens that differ turn into
 * `*`). Types of different lengths need `evt.>`. Events the filter lets through without a
 * handler are acked unread.
 */
export function eventFilterSubject(types: readonly string[]): string {
  const split = types.map((type) => type.split('.'));
  const length = split[0]?.length ?? 0;
  if (length === 0 || split.some((tokens) => tokens.length !== length)) return eventSubject('>');
  const tokens = split[0].map((token, index) =>
    split.every((other) => other[index] === token) ? token : '*',
  );
  return eventSubject(tokens.join('.'));
}
