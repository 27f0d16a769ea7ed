import {
  EVENTS_STREAM,
  HEALTH_RECORDS_BUCKET,
  PATIENT_EXPORTS_BUCKET,
  PatientDataSubjects,
  SERVICE_NAMES,
  eventSubject,
  healthSubject,
} from '@arogyam/contracts';
import { durableNameOf } from '../jetstream/event-filter';
import { busPermissions } from './bus-permissions';
import { ACTING_FOR_A_USER, BUS_PRINCIPALS, WITHOUT_A_CALLER } from './bus-principals';
import { generateBusPasswords, natsServerConfig } from './nats-server-config';

const entries = Object.entries(BUS_PRINCIPALS);
/** Who answers a subject; each service answers its own health check (added by busPermissions). */
const servers = (subject: string): string[] => [
  ...entries.filter(([, declared]) => declared.serves.includes(subject)).map(([name]) => name),
  ...SERVICE_NAMES.filter((name) => healthSubject(name) === subject),
];

/** Whether a NATS subscription or filter subject takes `subject` (`*` one token, `>` the rest). */
const takes = (filter: string, subject: string): boolean => {
  const wanted = filter.split('.');
  const tokens = subject.split('.');
  for (const [index, token] of wanted.entries()) {
    if (token === '>') return tokens.length > index;
    if (index >= tokens.length || (token !== '*' && token !== tokens[index])) return false;
  }
  return tokens.length === wanted.length;
};

const CONSUMER_CREATE = `$JS.API.CONSUMER.CREATE.${EVENTS_STREAM}.`;

/** The durable consumers a principal may create on the events stream, each with the filter pinned in the permission. */
const consumersOf = (name: string): Array<{ durable: string; filter: string }> =>
  busPermissions(name, BUS_PRINCIPALS[name as keyof typeof BUS_PRINCIPALS], name !== 'gateway')
    .publish.filter((subject) => subject.startsWith(CONSUMER_CREATE))
    .map((subject) => {
      const [durable, ...filter] = subject.slice(CONSUMER_CREATE.length).split('.');
      return { durable, filter: filter.join('.') };
    });

describe('BUS_PRINCIPALS', () => {
  it('names the gateway and every service', () => {
    expect(Object.keys(BUS_PRINCIPALS).sort()).toEqual(['gateway', ...SERVICE_NAMES].sort());
  });

  it('has each request subject answered by one principal, and every call answered by someone', () => {
    for (const [name, declared] of entries) {
      for (const subject of declared.serves)
        expect({ subject, servers: servers(subject) }).toEqual({ subject, servers: [name] });
      for (const subject of declared.calls)
        expect({ name, subject, served: servers(subject).length }).toEqual({ name, subject, served: 1 });
    }
  });

  it('has every consumed event published by someone', () => {
    const published = new Set(entries.flatMap(([, declared]) => declared.publishesEvents));
    for (const [name, declared] of entries)
      for (const type of declared.consumesEvents)
        expect({ name, type, published: published.has(type) }).toEqual({ name, type, published: true });
  });

  it('gives no consumer a filter wider than the event types its principal handles', () => {
    const published = [...new Set(entries.flatMap(([, declared]) => declared.publishesEvents))];
    for (const [name, declared] of entries) {
      const consumers = consumersOf(name);
      // One consumer per handled type, on that type's own subject.
      expect({ name, filters: consumers.map(({ filter }) => filter).sort() }).toEqual({
        name,
        filters: [...new Set(declared.consumesEvents)].map(eventSubject).sort(),
      });
      for (const { filter } of consumers) {
        expect({ name, filter, wildcard: /(^|\.)(\*|>)(\.|$)/.test(filter) }).toEqual({
          name,
          filter,
          wildcard: false,
        });
        const unhandled = published.filter(
          (type) => takes(filter, eventSubject(type)) && !declared.consumesEvents.includes(type),
        );
        expect({ name, filter, unhandled }).toEqual({ name, filter, unhandled: [] });
      }
    }
  });

  it('lets no principal make a consumer without a pinned filter, or the one-per-service consumer of before', () => {
    const durables = entries.flatMap(([name]) => consumersOf(name).map(({ durable }) => durable));
    expect(new Set(durables).size).toBe(durables.length);
    for (const [name, declared] of entries) {
      const { publish } = busPermissions(name, declared, name !== 'gateway');
      const creates = publish.filter((subject) => /^\$JS\.API\.CONSUMER\.(DURABLE\.)?CREATE\./.test(subject));
      expect({ name, creates: creates.filter((subject) => !subject.startsWith(CONSUMER_CREATE)) }).toEqual({
        name,
        creates: [],
      });
      for (const { durable, filter } of consumersOf(name))
        expect({ name, durable, filter: filter.startsWith('evt.') }).toEqual({ name, durable, filter: true });
      expect(durables).not.toContain(durableNameOf(name));
    }
  });

  it("lets a service send a caller's requests only where the exception is written down", () => {
    const fromGateway = new Set(BUS_PRINCIPALS.gateway.calls);
    const allowed = new Set<string>([...Object.values(ACTING_FOR_A_USER), ...WITHOUT_A_CALLER]);
    for (const [name, declared] of entries) {
      if (name === 'gateway') continue;
      for (const subject of declared.calls.filter((call) => fromGateway.has(call)))
        expect({ name, subject, written: allowed.has(subject) }).toEqual({ name, subject, written: true });
    }
  });

  it('gives the health records files to their owner and the gateway only', () => {
    const reaching = entries
      .filter(([name, declared]) =>
        [...busPermissions(name, declared, name !== 'gateway').publish].some((subject) =>
          subject.includes(HEALTH_RECORDS_BUCKET),
        ),
      )
      .map(([name]) => name);
    expect(reaching.sort()).toEqual(['gateway', 'patient']);
  });

  it("gives the data export archives to their owner and the gateway only, and lets only patient-service ask for a patient's data", () => {
    const reaching = entries
      .filter(([name, declared]) =>
        [...busPermissions(name, declared, name !== 'gateway').publish].some((subject) =>
          subject.includes(PATIENT_EXPORTS_BUCKET),
        ),
      )
      .map(([name]) => name);
    expect(reaching.sort()).toEqual(['gateway', 'patient']);
    for (const subject of Object.values(PatientDataSubjects)) {
      const callers = entries
        .filter(([, declared]) => declared.calls.includes(subject))
        .map(([name]) => name);
      expect({ subject, callers }).toEqual({ subject, callers: ['patient'] });
    }
  });

  it('gives no principal a wildcard over subjects not its own', () => {
    for (const [name, declared] of entries) {
      const { publish, subscribe } = busPermissions(name, declared, name !== 'gateway');
      for (const subject of [...publish, ...subscribe]) {
        expect({
          name,
          subject,
          everything: ['>', '*.>', '$JS.API.>', '_INBOX.>', 'evt.>'].includes(subject),
        }).toEqual({
          name,
          subject,
          everything: false,
        });
      }
      expect(subscribe).toContain(`_INBOX.${name}.>`);
    }
  });

  it('generates a server config with one user per principal and the admin, and no anonymous user', () => {
    const config = natsServerConfig({ passwords: generateBusPasswords() });
    const parsed = JSON.parse(config.slice(config.indexOf('{'))) as {
      authorization: { users: Array<{ user: string }> };
      no_auth_user?: string;
    };
    const users = parsed.authorization.users.map(({ user }) => user);
    expect(users.sort()).toEqual([...Object.keys(BUS_PRINCIPALS), 'admin'].sort());
    expect(parsed.no_auth_user).toBeUndefined();
  });
});
