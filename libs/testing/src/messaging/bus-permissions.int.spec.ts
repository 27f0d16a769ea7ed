import { randomUUID } from 'node:crypto';
import {
  connect,
  ErrorCode,
  Events,
  JSONCodec,
  StorageType,
  type NatsConnection,
  type NatsError,
} from 'nats';
import {
  AppointmentEventTypes,
  AppointmentSubjects,
  ChatSubjects,
  EVENTS_STREAM,
  GATEWAY_THROTTLE_BUCKET,
  HEALTH_RECORDS_BUCKET,
  PatientSubjects,
  UserEventTypes,
  UserSubjects,
  VIDEO_ROOMS_BUCKET,
  clinicalAccessedType,
  eventSubject,
  healthRecordObjectName,
  type EventEnvelope,
} from '@arogyam/contracts';
import {
  BUS_PRINCIPALS,
  createEvent,
  EventConsumer,
  EventPublisher,
  natsConnectionOptions,
} from '@arogyam/messaging';
import { startLocalNats, type LocalServer } from '../local-infra';
import { connectAs, natsAccessOf, type NatsUser } from '../nats-principals';
import { waitFor } from '../ports';

// Here rather than in libs/messaging: this library's harness starts nats-server with the generated config.

const codec = JSONCodec<unknown>();

/** The server's verdict: refused (a permissions violation) or let through. */
const PASSED = 'passed';
const REFUSED = 'refused';

/** What became of a JetStream call: refused for permissions, passed, or another error's message. */
const verdictOf = (attempt: Promise<unknown>): Promise<string> =>
  attempt.then(
    () => PASSED,
    (error: NatsError) => (error.code === ErrorCode.PermissionsViolation ? REFUSED : error.message),
  );

/** REFUSED once `watch` sees the server's violation, else PASSED after 1.5 s of silence. */
const settled = (watch: (resolve: (verdict: string) => void) => void): Promise<string> =>
  new Promise<string>((resolve) => {
    const timer = setTimeout(() => resolve(PASSED), 1500);
    watch((verdict) => {
      clearTimeout(timer);
      resolve(verdict);
    });
  });

/** Who may do what on NATS, against nats-server running the config generated from bus-principals.ts. */
describe('NATS with a user per principal', () => {
  let server: LocalServer;
  let infra: { natsUrl: string; natsPasswords: LocalServer['passwords'] };
  const open: NatsConnection[] = [];

  const as = async (user: NatsUser): Promise<NatsConnection> => {
    const nc = await connectAs(infra, user);
    open.push(nc);
    return nc;
  };

  beforeAll(async () => {
    server = await startLocalNats();
    infra = { natsUrl: server.url, natsPasswords: server.passwords };
  });

  afterAll(async () => {
    await Promise.all(open.map((nc) => nc.close()));
    await server.stop();
  });

  /** A request's outcome: refused by the server, or let through (to "no responders": nobody answers here). */
  const requestAs = async (nc: NatsConnection, subject: string): Promise<string> => {
    try {
      await nc.request(subject, codec.encode({ pattern: subject, data: {}, id: randomUUID() }), {
        timeout: 2000,
      });
      return PASSED;
    } catch (error) {
      const code = (error as NatsError).code;
      if (code === ErrorCode.PermissionsViolation) return REFUSED;
      if (code === ErrorCode.NoResponders) return PASSED;
      return code;
    }
  };

  /** A plain publish: refused when the server reports a violation for it and nobody gets it. */
  const publishAs = async (nc: NatsConnection, subject: string): Promise<string> => {
    const admin = await as('admin');
    const received: string[] = [];
    const watch = admin.subscribe(subject, { callback: (_e, message) => received.push(message.subject) });
    await admin.flush();
    const violation = settled((resolve) => {
      void (async () => {
        for await (const status of nc.status()) {
          if (status.type === Events.Error && status.permissionContext?.subject === subject)
            return resolve(REFUSED);
        }
      })();
    });
    nc.publish(subject, codec.encode({}));
    await nc.flush();
    const verdict = await violation;
    await admin.flush();
    watch.unsubscribe();
    expect(received).toEqual(verdict === REFUSED ? [] : [subject]);
    return verdict;
  };

  /** A subscription: refused when the server ends it with a violation. */
  const subscribeAs = async (nc: NatsConnection, subject: string): Promise<string> => {
    const verdict = settled((resolve) => {
      nc.subscribe(subject, {
        callback: (error) => {
          if (error?.code === ErrorCode.PermissionsViolation) resolve(REFUSED);
        },
      });
    });
    await nc.flush();
    return verdict;
  };

  it('refuses a client without credentials and one with a wrong password', async () => {
    const attempt = (options: object) =>
      connect({ ...options, maxReconnectAttempts: 0, reconnect: false }).then(
        (nc) => nc.close().then(() => 'connected'),
        (error: NatsError) => error.code,
      );
    expect(await attempt(natsConnectionOptions(server.url))).toBe(ErrorCode.AuthorizationViolation);
    expect(
      await attempt(natsConnectionOptions({ ...natsAccessOf(infra, 'chat'), password: 'not-its-password' })),
    ).toBe(ErrorCode.AuthorizationViolation);
    // Another principal's password does not open this one.
    expect(
      await attempt(
        natsConnectionOptions({ ...natsAccessOf(infra, 'chat'), password: server.passwords.gateway }),
      ),
    ).toBe(ErrorCode.AuthorizationViolation);
    expect(await attempt(natsConnectionOptions(natsAccessOf(infra, 'chat')))).toBe('connected');
  });

  it("refuses a service another service's request subjects, and those that act for a caller", async () => {
    const cases: Array<[NatsUser, string, string]> = [
      ['chat', UserSubjects.login, REFUSED],
      ['chat', AppointmentSubjects.book, REFUSED],
      ['chat', AppointmentSubjects.get, REFUSED],
      ['payment', PatientSubjects.getOwnProfile, REFUSED],
      ['payment', ChatSubjects.send, REFUSED],
      // What a service does call goes through (nobody answers on this server).
      ['prescription', AppointmentSubjects.get, PASSED],
      ['prescription', AppointmentSubjects.book, REFUSED],
      // A written exception: it asks for the booking patient's own profile, as that patient.
      ['appointment', PatientSubjects.getOwnProfile, PASSED],
      ['appointment', PatientSubjects.updateOwnProfile, REFUSED],
      // Without a caller: a patient's contact by the service-only subject, not as the patient.
      ['notification', PatientSubjects.getForService, PASSED],
      ['notification', PatientSubjects.getOwnProfile, REFUSED],
      // The gateway, where callers come in, sends what it routes, and nothing service-only.
      ['gateway', AppointmentSubjects.book, PASSED],
      ['gateway', AppointmentSubjects.get, REFUSED],
      ['gateway', PatientSubjects.getForService, REFUSED],
    ];
    for (const [user, subject, expected] of cases) {
      const verdict = await requestAs(await as(user), subject);
      expect({ user, subject, verdict }).toEqual({ user, subject, verdict: expected });
    }
  });

  it("refuses a service another service's events and notices, and the gateway any event", async () => {
    const booked = createEvent(AppointmentEventTypes.booked, { id: randomUUID() });
    const refusedPublish = (nc: NatsConnection) => verdictOf(new EventPublisher(nc).publish(booked));
    expect(await refusedPublish(await as('chat'))).toBe(REFUSED);
    expect(await refusedPublish(await as('payment'))).toBe(REFUSED);
    expect(await refusedPublish(await as('gateway'))).toBe(REFUSED);
    expect(await refusedPublish(await as('appointment'))).toBe(PASSED);

    const notification = await as('notification');
    expect(await publishAs(notification, eventSubject(UserEventTypes.suspended))).toBe(REFUSED);
    expect(await publishAs(notification, 'doctor.directory.changed')).toBe(REFUSED);
    expect(await publishAs(notification, 'rt.chat.room-1.message')).toBe(REFUSED);
    expect(await publishAs(notification, 'rt.user.u-1.notification')).toBe(PASSED);
  });

  it("refuses a service a subscription to another's subjects, events and replies", async () => {
    const chat = await as('chat');
    expect(await subscribeAs(chat, UserSubjects.login)).toBe(REFUSED);
    expect(await subscribeAs(chat, 'user.>')).toBe(REFUSED);
    expect(await subscribeAs(chat, eventSubject(AppointmentEventTypes.booked))).toBe(REFUSED);
    expect(await subscribeAs(chat, '_INBOX.>')).toBe(REFUSED);
    expect(await subscribeAs(chat, '_INBOX.gateway.>')).toBe(REFUSED);
    expect(await subscribeAs(chat, 'rt.user.*.notification')).toBe(REFUSED);
    expect(await subscribeAs(chat, ChatSubjects.send)).toBe(PASSED);
  });

  it('lets a service make only its own consumers, each on the one event type it takes', async () => {
    const chat = await as('chat');
    const jsm = await chat.jetstreamManager();
    const withFilter = (durable: string, filter: string) =>
      verdictOf(jsm.consumers.add(EVENTS_STREAM, { durable_name: durable, filter_subject: filter }));
    await new EventPublisher(await as('appointment')).publish(
      createEvent(AppointmentEventTypes.booked, { id: randomUUID() }),
    );
    const cases: Array<[string, string, string]> = [
      ['chat-service', 'evt.>', REFUSED],
      // The one consumer of before, on the wildcard its two types needed on nats-server 2.9.
      ['chat-service', 'evt.*.*', REFUSED],
      ['chat-service_appointment_booked', 'evt.*.*', REFUSED],
      ['chat-service_appointment_booked', 'evt.appointment.*', REFUSED],
      ['chat-service_appointment_booked', eventSubject(AppointmentEventTypes.cancelled), REFUSED],
      ['chat-service_user_erased', eventSubject(UserEventTypes.passwordResetRequested), REFUSED],
      ['notification-service_appointment_booked', eventSubject(AppointmentEventTypes.booked), REFUSED],
      ['chat-service_appointment_booked', eventSubject(AppointmentEventTypes.booked), PASSED],
    ];
    for (const [durable, filter, expected] of cases)
      expect({ durable, filter, verdict: await withFilter(durable, filter) }).toEqual({
        durable,
        filter,
        verdict: expected,
      });
    await jsm.consumers.delete(EVENTS_STREAM, 'chat-service_appointment_booked');
  });

  it("runs chat-service's consumers as its own user, and they deliver no event of a type it does not take", async () => {
    const chat = await as('chat');
    const seen: string[] = [];
    const record = async (event: EventEnvelope) => void seen.push(event.type);
    const handled = BUS_PRINCIPALS.chat.consumesEvents;
    const consumer = new EventConsumer(chat, {
      service: 'chat',
      handlers: Object.fromEntries(handled.map((type) => [type, record])),
    });
    await consumer.start();
    try {
      const appointment = new EventPublisher(await as('appointment'));
      const user = new EventPublisher(await as('user'));
      const patientId = randomUUID();
      // Two-token events, as `evt.*.*` (the one filter of before) takes, one of them about clinical data.
      await appointment.publish(
        createEvent(AppointmentEventTypes.cancelled, { id: randomUUID(), patientId }),
      );
      await appointment.publish(createEvent(clinicalAccessedType('appointment'), { patientId }));
      await user.publish(createEvent(UserEventTypes.suspended, { userId: patientId, role: 'patient' }));
      await appointment.publish(createEvent(AppointmentEventTypes.booked, { id: randomUUID(), patientId }));
      await user.publish(createEvent(UserEventTypes.erased, { userId: patientId, role: 'patient' }));
      await waitFor(() => seen.includes(UserEventTypes.erased), 10000, 'the erasure');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect([...new Set(seen)].sort()).toEqual([...handled].sort());
      // What the server delivered to the consumers is what they handled: nothing else came through.
      const inspect = await (await as('admin')).jetstreamManager();
      let delivered = 0;
      for (const durable of consumer.durableNames)
        delivered += (await inspect.consumers.info(EVENTS_STREAM, durable)).delivered.consumer_seq;
      expect(delivered).toBe(seen.length);
    } finally {
      await consumer.stop();
    }
  });

  it('keeps the health records files to patient-service, which owns them, and the gateway, which moves them', async () => {
    const name = healthRecordObjectName(randomUUID());
    const bytes = new TextEncoder().encode('%PDF-1.4 a lab report');
    const gatewayStore = await (await as('gateway')).jetstream().views.os(HEALTH_RECORDS_BUCKET, {
      storage: StorageType.File,
    });
    await gatewayStore.putBlob({ name }, bytes);

    const ownerStore = await (await as('patient')).jetstream().views.os(HEALTH_RECORDS_BUCKET);
    const read = await ownerStore.getBlob(name);
    expect(read && new TextDecoder().decode(read)).toBe('%PDF-1.4 a lab report');
    expect((await ownerStore.list()).map((info) => info.name)).toContain(name);

    for (const user of ['chat', 'notification', 'appointment', 'video'] as const) {
      const nc = await as(user);
      // nats.js opens a handle whatever the server says; what the handle can do is what counts.
      const store = await nc.jetstream().views.os(HEALTH_RECORDS_BUCKET);
      const read = await verdictOf(store.getBlob(name));
      const listed = await verdictOf(store.list());
      expect({ user, read, listed }).toEqual({ user, read: REFUSED, listed: REFUSED });
      // Nor around the object store's API: the stream's messages, or a consumer of its chunks.
      const jsm = await nc.jetstreamManager();
      const got = await verdictOf(
        jsm.streams.getMessage(`OBJ_${HEALTH_RECORDS_BUCKET}`, {
          last_by_subj: `$O.${HEALTH_RECORDS_BUCKET}.M.>`,
        }),
      );
      expect({ user, got }).toEqual({ user, got: REFUSED });
      expect(await subscribeAs(nc, `$O.${HEALTH_RECORDS_BUCKET}.>`)).toBe(REFUSED);
    }
  });

  it("refuses a service the gateway's rate-limit bucket and video-service's room directory", async () => {
    const chat = await as('chat');
    for (const bucket of [GATEWAY_THROTTLE_BUCKET, VIDEO_ROOMS_BUCKET]) {
      const opened = await verdictOf(chat.jetstream().views.kv(bucket));
      expect({ bucket, opened }).toEqual({ bucket, opened: REFUSED });
    }
  });
});
