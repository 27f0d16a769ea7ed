/**
 * What one process kind (the gateway, or a service with all its instances) may do on NATS. The
 * nats-server config is generated from these declarations (nats-server-config.ts), so a subject a
 * principal does not declare is refused to it by the server. Subjects come from the constants in
 * @arogyam/contracts, never retyped.
 */
export interface BusPrincipal {
  /** Request subjects it answers, in its queue group (subscribe). */
  serves: readonly string[];
  /** Other principals' request subjects it calls (publish; the answer comes to its own inbox). */
  calls: readonly string[];
  /** Event types it publishes on the events stream (`evt.<type>`, through its outbox). */
  publishesEvents: readonly string[];
  /**
   * Event types it takes, each on its own durable consumer (`<name>-service_<type>`, filter
   * `evt.<type>`). Each consumer's filter subject is pinned in the permission, so it cannot widen
   * a filter to read other events.
   */
  consumesEvents: readonly string[];
  /** Plain NATS notices it sends (realtime pushes, cache notices). */
  notifies: readonly string[];
  /** Plain NATS subjects it listens to without a durable consumer (notices, some event subjects). */
  listens: readonly string[];
  /** JetStream key-value buckets it reads and writes. */
  keyValueBuckets: readonly string[];
  /** JetStream object-store buckets it reads and writes. */
  objectStores: readonly string[];
  /** Reads and replays the dead-letter stream (admins' view, the gateway). */
  deadLetterAdmin?: boolean;
}

/** A declaration with only what differs from nothing. */
export const principal = (declared: Partial<BusPrincipal>): BusPrincipal => ({
  serves: [],
  calls: [],
  publishesEvents: [],
  consumesEvents: [],
  notifies: [],
  listens: [],
  keyValueBuckets: [],
  objectStores: [],
  ...declared,
});
