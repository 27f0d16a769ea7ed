import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import type {
  AccountSuspendedNotice,
  ChatErrorAck,
  ChatJoinAck,
  ChatMessagePage,
  ChatMessageView,
  ChatReadView,
  ChatRoomView,
  ChatTypingView,
  SessionEndedNotice,
} from '@arogyam/contracts';
import { waitFor } from '@arogyam/testing';
import { httpClient } from './http';
import { CONSENT } from './people';
import { ask, socketPool } from './sockets';
import { ADMIN, startPlatform, type Platform } from './platform';

interface Person {
  id: string;
  token: string;
}

const HOUR = 3_600_000;
// Pushed, not found by a later read: a bound far above the push's own time, so a loaded CI machine
// does not fail it. How fast it is belongs to `npm run bench -- chat` (docs/benchmarks.md).
const LIVE_MS = 2_000;

let platform: Platform;
/** Two gateway processes over the same services and NATS; no sticky sessions between them. */
let gatewayA: string;
let gatewayB: string;
let callA: ReturnType<typeof httpClient>;
let callB: ReturnType<typeof httpClient>;
let doctor: Person;
let patient: Person;
let stranger: Person;
let adminToken: string;
let roomId: string;
const pool = socketPool();

const uniqueEmail = (role: string): string => `${role}-${randomUUID().slice(0, 8)}@chat.e2e.test`;

/** Registers a patient, or a doctor with the profile fields registration asks of one. */
async function register(role: 'patient' | 'doctor', fullName: string): Promise<Person> {
  const profile =
    role === 'doctor'
      ? {
          specialization: 'General Medicine',
          licenseNumber: `KMC-${randomUUID().slice(0, 6)}`,
          yearsOfExperience: 7,
          consultationFee: { amount: 30000, currency: 'INR' },
        }
      : {};
  const answer = await callA<{ user: { id: string }; accessToken: string }>(
    'POST',
    `/api/${role}s/register`,
    {
      body: { ...CONSENT, email: uniqueEmail(role), password: `${role}-pass-1`, fullName, ...profile },
    },
  );
  expect(answer.status).toBe(201);
  return { id: answer.body.user.id, token: answer.body.accessToken };
}

/** A socket of the user on one gateway, connected (the handshake authenticated it). */
const connect = (baseUrl: string, person: Person): Promise<Socket> => pool.connect(baseUrl, person.token);

/** Everything `event` brings the socket from now on. */
function collect<T>(socket: Socket, event: string): T[] {
  const received: T[] = [];
  socket.on(event, (payload: T) => received.push(payload));
  return received;
}

/** The next `event` the socket receives that `matches`, and when it arrived (performance.now()). */
function next<T>(
  socket: Socket,
  event: string,
  matches: (payload: T) => boolean,
): Promise<{ payload: T; at: number }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no ${event} within 5 s`));
    }, 5000);
    const listener = (payload: T): void => {
      if (!matches(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve({ payload, at: performance.now() });
    };
    socket.on(event, listener);
  });
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const send = (socket: Socket, body: string): Promise<ChatMessageView> =>
  ask<ChatMessageView>(socket, 'chat:send', { roomId, body, clientId: randomUUID() });

const joined = async (socket: Socket, after?: string): Promise<ChatJoinAck> => {
  const ack = await ask<ChatJoinAck>(socket, 'chat:join', { roomId, ...(after ? { after } : {}) });
  expect(ack.room?.id).toBe(roomId);
  return ack;
};

beforeAll(async () => {
  platform = await startPlatform({ AUTH_THROTTLE_IP_LIMIT: '1000' });
  gatewayA = platform.baseUrl;
  gatewayB = await platform.startGateway();
  callA = httpClient(gatewayA);
  callB = httpClient(gatewayB);
  const admin = await callA<{ accessToken: string }>('POST', '/api/admin/login', { body: ADMIN });
  adminToken = admin.body.accessToken;
  [doctor, patient, stranger] = await Promise.all([
    register('doctor', 'Dr Chitra Rao'),
    register('patient', 'Pranav Patel'),
    register('patient', 'Sam Stranger'),
  ]);
  expect(
    (
      await callA('POST', `/api/admin/doctors/${doctor.id}/verify`, {
        token: admin.body.accessToken,
        body: { decision: 'approved' },
      })
    ).status,
  ).toBe(200);
  const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
  expect(
    (
      await callA('PUT', '/api/doctors/me/availability', {
        token: doctor.token,
        body: { timezone: 'Asia/Kolkata', slotMinutes: 30, weekly: allDay },
      })
    ).status,
  ).toBe(200);

  // The booking's event opens the pair's room in chat-service.
  const startAt = new Date(Math.ceil((Date.now() + 50 * HOUR) / HOUR) * HOUR).toISOString();
  const booking = await callA('POST', '/api/appointments', {
    token: patient.token,
    body: { doctorId: doctor.id, startAt, mode: 'chat' },
  });
  expect(booking.status).toBe(201);
  const rooms = await waitFor(
    async () => {
      const answer = await callB<ChatRoomView[]>('GET', '/api/chat/rooms', { token: patient.token });
      return answer.status === 200 && answer.body.length === 1 ? answer.body : undefined;
    },
    15000,
    'the chat room of the booking',
  );
  roomId = rooms[0].id;
}, 120000);

afterAll(async () => {
  pool.closeAll();
  await platform?.stop();
});

describe('chat across two gateway instances', () => {
  let doctorOnA: Socket;
  let patientOnB: Socket;
  let strangerOnA: Socket;
  let strangerReceived: unknown[];

  beforeAll(async () => {
    [doctorOnA, patientOnB, strangerOnA] = await Promise.all([
      connect(gatewayA, doctor),
      connect(gatewayB, patient),
      connect(gatewayA, stranger),
    ]);
    strangerReceived = [
      ...collect(strangerOnA, 'chat:message'),
      ...collect(strangerOnA, 'chat:typing'),
      ...collect(strangerOnA, 'chat:read'),
    ];
  });

  it('the room opened from the booking, for both members', async () => {
    expect(roomId).toBe(`${doctor.id}:${patient.id}`);
    const ack = await joined(doctorOnA);
    expect(ack.room).toEqual({
      id: roomId,
      doctor: { id: doctor.id, fullName: 'Dr Chitra Rao' },
      patient: { id: patient.id, fullName: 'Pranav Patel' },
      lastMessage: null,
      unreadCount: 0,
      readPointers: [],
    });
    await joined(patientOnB);
  });

  it(`a message sent on gateway A arrives on gateway B within ${LIVE_MS} ms, as stored`, async () => {
    for (const body of [
      'Hello from gateway A',
      'Please bring your reports',
      '<b>not</b> <script>html</script>',
    ]) {
      const arrival = next<ChatMessageView>(patientOnB, 'chat:message', (message) => message.body === body);
      const sentAt = performance.now();

      const stored = await send(doctorOnA, body);
      const { payload, at } = await arrival;

      expect(payload).toEqual(stored);
      expect(at - sentAt).toBeLessThan(LIVE_MS);
    }
    const history = await callB<ChatMessagePage>('GET', `/api/chat/rooms/${roomId}/messages?limit=1`, {
      token: patient.token,
    });
    expect(history.body.items[0]).toMatchObject({
      body: '<b>not</b> <script>html</script>',
      senderId: doctor.id,
    });
  });

  it('the sender’s ack is the stored message; a resend with its clientId answers the original', async () => {
    const clientId = randomUUID();
    const first = await ask<ChatMessageView>(doctorOnA, 'chat:send', { roomId, body: 'once', clientId });
    const again = await ask<ChatMessageView>(doctorOnA, 'chat:send', { roomId, body: 'once', clientId });

    expect(first).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      roomId,
      senderId: doctor.id,
      body: 'once',
      clientId,
      createdAt: expect.any(String),
    });
    expect(again).toEqual(first);
    const page = await callA<ChatMessagePage>('GET', `/api/chat/rooms/${roomId}/messages`, {
      token: doctor.token,
    });
    expect(page.body.items.filter((message) => message.clientId === clientId)).toEqual([first]);
  });

  it(`typing passes to the other member on the other gateway within ${LIVE_MS} ms, and is not stored`, async () => {
    const before = await callA<ChatMessagePage>('GET', `/api/chat/rooms/${roomId}/messages`, {
      token: doctor.token,
    });
    const ownEcho = collect<ChatTypingView>(patientOnB, 'chat:typing');
    const arrival = next<ChatTypingView>(doctorOnA, 'chat:typing', (typing) => typing.typing);
    const sentAt = performance.now();

    const ack = await ask<ChatTypingView>(patientOnB, 'chat:typing', { roomId, typing: true });
    const { payload, at } = await arrival;

    const expected = { roomId, userId: patient.id, typing: true };
    expect(ack).toEqual(expected);
    expect(payload).toEqual(expected);
    expect(at - sentAt).toBeLessThan(LIVE_MS);
    await pause(100);
    expect(ownEcho).toEqual([]);
    const after = await callA<ChatMessagePage>('GET', `/api/chat/rooms/${roomId}/messages`, {
      token: doctor.token,
    });
    expect(after.body).toEqual(before.body);
  });

  it('a message posted over REST reaches the sockets too', async () => {
    const onA = next<ChatMessageView>(
      doctorOnA,
      'chat:message',
      (message) => message.body === 'sent by REST',
    );
    const onB = next<ChatMessageView>(
      patientOnB,
      'chat:message',
      (message) => message.body === 'sent by REST',
    );

    const posted = await callB<ChatMessageView>('POST', `/api/chat/rooms/${roomId}/messages`, {
      token: patient.token,
      body: { body: '  sent by REST ' },
    });

    expect(posted.status).toBe(201);
    expect(posted.body).toEqual({
      id: expect.any(String),
      roomId,
      senderId: patient.id,
      body: 'sent by REST',
      createdAt: expect.any(String),
    });
    expect((await onA).payload).toEqual(posted.body);
    expect((await onB).payload).toEqual(posted.body);
  });

  it('read pointers reach the other member and clear the unread count', async () => {
    const rooms = await callB<ChatRoomView[]>('GET', '/api/chat/rooms', { token: patient.token });
    expect(rooms.body[0].unreadCount).toBeGreaterThan(0);
    const newest = rooms.body[0].lastMessage?.id as string;
    const seen = next<ChatReadView>(doctorOnA, 'chat:read', (read) => read.userId === patient.id);

    const ack = await ask<ChatReadView>(patientOnB, 'chat:read', { roomId, messageId: newest });

    expect(ack).toEqual({ roomId, userId: patient.id, messageId: newest, at: expect.any(String) });
    expect((await seen).payload).toEqual(ack);
    const after = await callB<ChatRoomView[]>('GET', '/api/chat/rooms', { token: patient.token });
    expect(after.body[0]).toMatchObject({ id: roomId, unreadCount: 0 });
    // The pointer stays in the room for whoever loads it later (read ticks after a reload).
    const loaded = await joined(await connect(gatewayA, doctor));
    expect(loaded.room.readPointers).toEqual([ack]);
  });

  describe('reconnecting', () => {
    /** A message from the doctor that the patient's socket received live: the last it saw. */
    const seenByPatient = async (body: string): Promise<ChatMessageView> => {
      const arrival = next<ChatMessageView>(patientOnB, 'chat:message', (message) => message.body === body);
      const sent = await send(doctorOnA, body);
      expect((await arrival).payload).toEqual(sent);
      return sent;
    };

    it('a client that reconnects with `after` gets exactly the messages it missed, once', async () => {
      const lastSeen = await seenByPatient('before the patient drops');
      patientOnB.disconnect();

      const missed = [];
      for (const body of ['missed one', 'missed two', 'missed three'])
        missed.push(await send(doctorOnA, body));

      patientOnB = await connect(gatewayB, patient);
      const live = collect<ChatMessageView>(patientOnB, 'chat:message');
      const ack = await joined(patientOnB, lastSeen.id);

      expect(ack.missed).toEqual(missed);
      expect(ack.gap).toBe(false);
      await pause(300);
      expect(live).toEqual([]);

      const fresh = await send(doctorOnA, 'after the reconnect');
      await waitFor(() => live.length > 0, 2000, 'the next live message');
      expect(live).toEqual([fresh]);
    });

    it('messages sent while it catches up arrive once, either in the ack or live', async () => {
      const lastSeen = await seenByPatient('seen');
      patientOnB.disconnect();
      const whileAway = [await send(doctorOnA, 'away 1'), await send(doctorOnA, 'away 2')];

      patientOnB = await connect(gatewayB, patient);
      const live = collect<ChatMessageView>(patientOnB, 'chat:message');
      const [ack, ...duringJoin] = await Promise.all([
        joined(patientOnB, lastSeen.id),
        send(doctorOnA, 'during 1'),
        send(doctorOnA, 'during 2'),
        send(doctorOnA, 'during 3'),
      ]);
      await waitFor(
        () => (ack.missed?.length ?? 0) + live.length >= whileAway.length + duringJoin.length,
        3000,
        'every message',
      );
      await pause(300);

      const received = [...(ack.missed ?? []), ...live].map((message) => message.id);
      const expected = [...whileAway, ...(duringJoin as ChatMessageView[])].map((message) => message.id);
      expect([...received].sort()).toEqual([...expected].sort());
      expect(ack.missed?.map((message) => message.id)).toEqual(
        [...(ack.missed ?? [])].map((message) => message.id).sort(),
      );
    });
  });

  describe('a non-member', () => {
    const notFound = {
      statusCode: 404,
      error: 'Not Found',
      code: 'not_found',
      message: 'Chat room not found.',
    };
    const unknownRoom = `${randomUUID()}:${randomUUID()}`;

    it('cannot join, send, type or mark read: the same error as for a room that does not exist', async () => {
      const refusal: ChatErrorAck = { error: 'not_found', message: 'Chat room not found.' };
      for (const id of [roomId, unknownRoom]) {
        expect(await ask(strangerOnA, 'chat:join', { roomId: id })).toEqual(refusal);
        expect(await ask(strangerOnA, 'chat:send', { roomId: id, body: 'hi', clientId: 'x1' })).toEqual(
          refusal,
        );
        expect(
          await ask(strangerOnA, 'chat:read', { roomId: id, messageId: '0123456789abcdef01234567' }),
        ).toEqual(refusal);
        expect(await ask(strangerOnA, 'chat:typing', { roomId: id, typing: true })).toEqual({
          error: 'not_joined',
          message: 'Join the room (chat:join) before typing in it.',
        });
      }
    });

    it('cannot read the history or post over REST (404), and has no rooms', async () => {
      for (const id of [roomId, unknownRoom]) {
        for (const call of [callA, callB]) {
          const history = await call('GET', `/api/chat/rooms/${id}/messages`, { token: stranger.token });
          expect(history).toMatchObject({ status: 404, body: notFound });
          const posted = await call('POST', `/api/chat/rooms/${id}/messages`, {
            token: stranger.token,
            body: { body: 'hi' },
          });
          expect(posted).toMatchObject({ status: 404, body: notFound });
        }
      }
      expect((await callA('GET', '/api/chat/rooms', { token: stranger.token })).body).toEqual([]);
    });

    it('received nothing of the room the whole time', () => {
      expect(strangerReceived).toEqual([]);
    });
  });

  it('bad payloads get a bad_request ack with details; a bad token fails the handshake', async () => {
    expect(await ask(doctorOnA, 'chat:send', { roomId, body: ' ', clientId: 'ok-1' })).toEqual({
      error: 'bad_request',
      message: 'The event has invalid fields.',
      details: [{ field: 'body', problem: 'must not be empty' }],
    });
    expect(await ask(doctorOnA, 'chat:send', { roomId, body: 'x'.repeat(4001) })).toMatchObject({
      error: 'bad_request',
      details: expect.arrayContaining([{ field: 'clientId', problem: expect.any(String) }]),
    });
    await expect(connect(gatewayB, { id: doctor.id, token: 'not-a-token' })).rejects.toThrow(
      'Authentication failed: the access token is invalid or expired.',
    );
  });

  it('limits each socket: the 21st chat:send and the 41st chat:typing within 10 s answer rate_limited', async () => {
    const busy = await connect(gatewayA, doctor);
    await joined(busy);

    const sends = await Promise.all(
      Array.from({ length: 21 }, (_, n) =>
        ask<ChatMessageView | ChatErrorAck>(busy, 'chat:send', {
          roomId,
          body: `burst ${n}`,
          clientId: randomUUID(),
        }),
      ),
    );
    const typings = await Promise.all(
      Array.from({ length: 41 }, () =>
        ask<ChatTypingView | ChatErrorAck>(busy, 'chat:typing', { roomId, typing: true }),
      ),
    );

    expect(sends.filter((answer) => 'id' in answer)).toHaveLength(20);
    expect(sends.filter((answer) => 'error' in answer)).toEqual([
      { error: 'rate_limited', message: 'Too many chat:send events: at most 20 per 10 s; please slow down.' },
    ]);
    expect(typings.filter((answer) => 'error' in answer)).toEqual([
      {
        error: 'rate_limited',
        message: 'Too many chat:typing events: at most 40 per 10 s; please slow down.',
      },
    ]);
    // Another socket of the same user has its own budget.
    expect(await send(doctorOnA, 'still allowed')).toHaveProperty('id');
  });
});

/** What the socket hears from now until the server closes it, in order: `noticeEvent`, then the close. */
function untilClosed<Notice>(
  socket: Socket,
  noticeEvent: string,
): Promise<{ heard: string[]; notice?: Notice }> {
  return new Promise((resolve, reject) => {
    const heard: string[] = [];
    let notice: Notice | undefined;
    const timer = setTimeout(() => reject(new Error(`still connected after 15 s: ${heard.join()}`)), 15_000);
    socket.on(noticeEvent, (payload: Notice) => {
      notice = payload;
      heard.push(noticeEvent);
    });
    socket.on('disconnect', (reason) => {
      clearTimeout(timer);
      heard.push(`disconnect: ${reason}`);
      resolve({ heard, notice });
    });
  });
}

describe('a suspended user', () => {
  it('is disconnected on every gateway at once, told why first, and cannot reconnect with the old token', async () => {
    const suspended = await register('patient', 'Suresh Suspended');
    const [onA, onB, alsoOnB] = await Promise.all([
      connect(gatewayA, suspended),
      connect(gatewayB, suspended),
      connect(gatewayB, suspended),
    ]);
    const bystanders = await Promise.all([connect(gatewayA, patient), connect(gatewayB, doctor)]);
    const closings = [onA, onB, alsoOnB].map((socket) =>
      untilClosed<AccountSuspendedNotice>(socket, 'account:suspended'),
    );
    const startedAt = performance.now();

    const answer = await callA('POST', `/api/admin/users/${suspended.id}/suspend`, { token: adminToken });

    expect(answer.status).toBe(200);
    for (const closing of await Promise.all(closings)) {
      expect(closing.heard).toEqual(['account:suspended', 'disconnect: io server disconnect']);
      expect(closing.notice).toEqual({
        error: 'account_suspended',
        message: 'This account has been suspended, so you have been signed out. Please contact support.',
      });
    }
    expect(performance.now() - startedAt).toBeLessThan(2000);
    expect(bystanders.every((socket) => socket.connected)).toBe(true);
    for (const gateway of [gatewayA, gatewayB]) {
      await expect(connect(gateway, suspended)).rejects.toThrow(
        'Authentication failed: this account is suspended.',
      );
    }
  });
});

describe('a changed password', () => {
  it("closes the old session's sockets on every gateway, keeps the new session's, and refuses the old token", async () => {
    const person = await register('patient', 'Parvati Password');
    const [onA, onB] = await Promise.all([connect(gatewayA, person), connect(gatewayB, person)]);
    const bystander = await connect(gatewayB, patient);
    const closings = [onA, onB].map((socket) => untilClosed<SessionEndedNotice>(socket, 'session:ended'));

    const changed = await callA<{ accessToken: string }>('POST', '/api/auth/password', {
      token: person.token,
      body: { currentPassword: 'patient-pass-1', newPassword: 'a-new-passphrase-7' },
    });
    expect(changed.status).toBe(200);
    // At once, on the gateway that relayed the change: it has heard of the change (or is about to).
    const renewed = await connect(gatewayA, { id: person.id, token: changed.body.accessToken });

    for (const closing of await Promise.all(closings)) {
      expect(closing.heard).toEqual(['session:ended', 'disconnect: io server disconnect']);
      expect(closing.notice).toEqual({
        error: 'session_ended',
        message: 'The password of this account was changed, so this session has ended. Please sign in again.',
      });
    }
    // Whatever the gateways do with the change, they do it within this pause.
    await pause(1000);
    expect(renewed.connected).toBe(true);
    expect(bystander.connected).toBe(true);
    for (const gateway of [gatewayA, gatewayB]) {
      await expect(connect(gateway, person)).rejects.toThrow(
        'Authentication failed: this token no longer matches the account; please sign in again.',
      );
    }
  });
});
