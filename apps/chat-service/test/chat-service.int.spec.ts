import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { JSONCodec, type Subscription } from 'nats';
import {
  AppointmentEventTypes,
  ChatEventTypes,
  ChatRealtimeSubjects,
  ChatSubjects,
  chatRoomId,
  type Actor,
  type AppointmentView,
  type ChatMessageCreatedEvent,
  type ChatMessagePage,
  type ChatMessageView,
  type ChatReadView,
  type ChatRoomReadEvent,
  type ChatRoomView,
} from '@arogyam/contracts';
import { createEvent } from '@arogyam/messaging';
import {
  rpcFailure,
  startServiceUnderTest,
  waitFor,
  waitForEventConsumers,
  waitForLatestEvent,
  waitForOutboxDrained,
  indexesOnceBuilt,
  type ServiceUnderTest,
} from '@arogyam/testing';
import { chatService } from '../src/chat-service';
import { ChatRoomsService } from '../src/rooms/chat-rooms.service';
import { RoomPointers } from '../src/rooms/room-pointers';
import { toReadView } from '../src/read-state/read-views';
import { toLastMessage } from '../src/rooms/room-views';

interface Person extends Actor {
  fullName: string;
}

const codec = JSONCodec<unknown>();

describe('chat-service', () => {
  let service: ServiceUnderTest;

  const person = (role: 'doctor' | 'patient', fullName: string): Person => ({
    userId: randomUUID(),
    role,
    fullName,
  });

  /** An appointment between them, as appointment-service publishes it in `evt.appointment.booked`. */
  const appointmentOf = (doctor: Person, patient: Person): AppointmentView => ({
    id: randomUUID(),
    doctorId: doctor.userId,
    patientId: patient.userId,
    doctor: { id: doctor.userId, fullName: doctor.fullName, specialization: 'General Medicine' },
    patient: { id: patient.userId, fullName: patient.fullName },
    startAt: '2026-12-01T04:30:00.000Z',
    endAt: '2026-12-01T05:00:00.000Z',
    mode: 'chat',
    status: 'booked',
    createdAt: new Date().toISOString(),
  });

  /** The actor part of a message: who, never more (the service refuses unknown fields). */
  const who = ({ userId, role }: Actor): Actor => ({ userId, role });

  const rooms = (actor: Actor): Promise<ChatRoomView[]> =>
    service.rpc.send(ChatSubjects.listRooms, { actor: who(actor) });
  const room = (actor: Actor, roomId: string): Promise<ChatRoomView> =>
    service.rpc.send(ChatSubjects.getRoom, { actor: who(actor), roomId });
  const send = (actor: Actor, roomId: string, body: string, clientId?: string): Promise<ChatMessageView> =>
    service.rpc.send(ChatSubjects.send, {
      actor: who(actor),
      roomId,
      body,
      ...(clientId ? { clientId } : {}),
    });
  const history = (
    actor: Actor,
    roomId: string,
    query: Record<string, unknown> = {},
  ): Promise<ChatMessagePage> =>
    service.rpc.send(ChatSubjects.listMessages, { actor: who(actor), roomId, ...query });
  const ids = async (actor: Actor, roomId: string, query: Record<string, unknown> = {}): Promise<string[]> =>
    (await history(actor, roomId, query)).items.map((message) => message.id);
  const markRead = (actor: Actor, roomId: string, messageId: string): Promise<ChatReadView> =>
    service.rpc.send(ChatSubjects.markRead, { actor: who(actor), roomId, messageId });
  const storedRoom = (roomId: string) =>
    service.db.collection('chatRooms').findOne({ _id: roomId } as object);
  const storedCount = (filter: Record<string, unknown>): Promise<number> =>
    service.db.collection('chatMessages').countDocuments(filter);

  /** Waits until chat-service's durable consumers have handled and acked everything published. */
  const consumerCaughtUp = async (): Promise<void> => {
    await waitForEventConsumers(service.nats, 'chat');
  };

  /** Publishes `evt.appointment.booked` for the pair and waits for their room. */
  const booked = async (doctor: Person, patient: Person): Promise<string> => {
    await service.events.publish(createEvent(AppointmentEventTypes.booked, appointmentOf(doctor, patient)));
    const roomId = chatRoomId(doctor.userId, patient.userId);
    await waitFor(() => room(doctor, roomId).catch(() => undefined), 10000, `room ${roomId}`);
    return roomId;
  };

  /** A doctor, a patient and their room. */
  const pair = async (): Promise<{ doctor: Person; patient: Person; roomId: string }> => {
    const doctor = person('doctor', 'Kavya Nair');
    const patient = person('patient', 'Ravi Kumar');
    return { doctor, patient, roomId: await booked(doctor, patient) };
  };

  beforeAll(async () => {
    service = await startServiceUnderTest(chatService);
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('declares the indexes the repositories query by, and makes the resend key unique', async () => {
    // test/query-plans.int.spec.ts proves each query of the repositories is served by one of these.
    const messageIndexes = await indexesOnceBuilt(service.db, 'chatMessages', 4);
    const roomIndexes = await indexesOnceBuilt(service.db, 'chatRooms', 4);

    expect(messageIndexes.map((index) => index.key)).toEqual(
      expect.arrayContaining([
        { roomId: 1, day: 1, _id: -1 },
        { roomId: 1, senderId: 1, clientId: 1 },
        { outboxPending: 1 },
      ]),
    );
    expect(messageIndexes.find((index) => index.key.clientId === 1)).toMatchObject({ unique: true });
    expect(roomIndexes.map((index) => index.key)).toEqual(
      expect.arrayContaining([
        { doctorId: 1, 'lastMessage.id': -1, _id: 1 },
        { patientId: 1, 'lastMessage.id': -1, _id: 1 },
        { outboxPending: 1 },
      ]),
    );
  });

  describe('rooms from evt.appointment.booked', () => {
    it('opens one room per doctor–patient pair for both members, nothing in it yet', async () => {
      const doctor = person('doctor', 'Kavya Nair');
      const patient = person('patient', 'Ravi Kumar');

      const roomId = await booked(doctor, patient);

      const expected: ChatRoomView = {
        id: `${doctor.userId}:${patient.userId}`,
        doctor: { id: doctor.userId, fullName: 'Kavya Nair' },
        patient: { id: patient.userId, fullName: 'Ravi Kumar' },
        lastMessage: null,
        unreadCount: 0,
        readPointers: [],
      };
      expect(roomId).toBe(expected.id);
      expect(await room(doctor, roomId)).toEqual(expected);
      expect(await room(patient, roomId)).toEqual(expected);
      expect(await rooms(doctor)).toEqual([expected]);
      expect(await rooms(patient)).toEqual([expected]);
    });

    it('a redelivered event, or the pair’s next appointment, changes nothing', async () => {
      const { doctor, patient, roomId } = await pair();
      const message = await send(patient, roomId, 'Hello doctor');
      await markRead(doctor, roomId, message.id);
      // The read's event leaves the room's outbox once published: a change, but not this test's.
      expect(await waitForOutboxDrained(service.db, 'chatRooms', roomId)).toBe(true);
      const before = await storedRoom(roomId);

      // The consumer handling the booking again (as on a redelivery, with other names even) ...
      const again = {
        ...appointmentOf(doctor, patient),
        doctor: { id: doctor.userId, fullName: 'Renamed', specialization: 'X' },
      };
      await service.events.publish(createEvent(AppointmentEventTypes.booked, again));
      await consumerCaughtUp();
      // ... and the handler itself, twice more.
      const opener = service.app.get(ChatRoomsService);
      await Promise.all([opener.open([again]), opener.open([again])]);

      expect(await storedRoom(roomId)).toEqual(before);
      expect(await service.db.collection('chatRooms').countDocuments({ 'patient.id': patient.userId })).toBe(
        1,
      );
      expect(await room(patient, roomId)).toMatchObject({
        doctor: { fullName: 'Kavya Nair' },
        lastMessage: { id: message.id },
      });
    });

    it('opens the rooms of bookings taken together, leaving an existing room as it is', async () => {
      const { doctor, patient, roomId } = await pair();
      const before = await storedRoom(roomId);
      const newcomers = [person('patient', 'Asha Rao'), person('patient', 'Imran Sheikh')];
      const again = {
        ...appointmentOf(doctor, patient),
        doctor: { id: doctor.userId, fullName: 'Renamed', specialization: 'X' },
      };

      await service.app.get(ChatRoomsService).open([
        again,
        ...newcomers.map((newcomer) => appointmentOf(doctor, newcomer)),
        // The same pair again in the batch: the first booking's names stay, as one by one.
        { ...appointmentOf(doctor, newcomers[0]), doctor: again.doctor },
      ]);

      expect(await storedRoom(roomId)).toEqual(before);
      for (const newcomer of newcomers) {
        const opened = await room(newcomer, chatRoomId(doctor.userId, newcomer.userId));
        expect(opened).toMatchObject({ doctor: { fullName: 'Kavya Nair' }, unreadCount: 0 });
      }
    });

    it('acks a malformed event instead of retrying it forever', async () => {
      await service.events.publish(createEvent(AppointmentEventTypes.booked, { id: 'no-parties' }));
      await consumerCaughtUp();
    });
  });

  describe('sending and history', () => {
    it('stores a member’s message, trimmed, and answers it as stored', async () => {
      const { doctor, patient, roomId } = await pair();
      const clientId = randomUUID();

      const sent = await send(patient, roomId, '  I have had a fever since Monday.  ', clientId);

      expect(sent).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        roomId,
        senderId: patient.userId,
        body: 'I have had a fever since Monday.',
        clientId,
        createdAt: expect.any(String),
      });
      expect(Math.abs(Date.parse(sent.createdAt) - Date.now())).toBeLessThan(60_000);
      expect(await history(doctor, roomId)).toEqual({ items: [sent], hasMore: false });
      expect(await room(doctor, roomId)).toMatchObject({
        lastMessage: { id: sent.id, senderId: patient.userId, body: sent.body, createdAt: sent.createdAt },
        unreadCount: 1,
      });
    });

    it('pages newest first by `before`; ids sort by creation; `after` bounds a page from below', async () => {
      const { doctor, patient, roomId } = await pair();
      const sent: ChatMessageView[] = [];
      for (let n = 1; n <= 7; n++) sent.push(await send(n % 2 ? doctor : patient, roomId, `message ${n}`));
      const [m1, m2, m3, m4, m5, m6, m7] = sent.map((message) => message.id);
      expect([...sent.map((message) => message.id)].sort()).toEqual([m1, m2, m3, m4, m5, m6, m7]);

      const first = await history(patient, roomId, { limit: 3 });
      expect(first.items.map((message) => message.id)).toEqual([m7, m6, m5]);
      expect(first.hasMore).toBe(true);
      const second = await history(patient, roomId, { limit: 3, before: m5 });
      expect(second).toMatchObject({ hasMore: true });
      expect(second.items.map((message) => message.id)).toEqual([m4, m3, m2]);
      expect(await history(patient, roomId, { limit: 3, before: m2 })).toEqual({
        items: [sent[0]],
        hasMore: false,
      });
      expect(await ids(doctor, roomId)).toEqual([m7, m6, m5, m4, m3, m2, m1]);
      expect(await history(doctor, roomId, { after: m4, limit: 2 })).toMatchObject({ hasMore: true });
      expect(await ids(doctor, roomId, { after: m4, limit: 2 })).toEqual([m7, m6]);
      expect(await ids(doctor, roomId, { after: m4 })).toEqual([m7, m6, m5]);
      expect(await ids(doctor, roomId, { after: m2, before: m5 })).toEqual([m4, m3]);
    });

    it('pages 30 by default and at most 100', async () => {
      const { doctor, roomId } = await pair();
      // One after another, as a person writes: 31 at once each wait for the room's row in turn, and
      // on a loaded CI machine the last waited past the request's timeout (paging is the point here).
      const sent: ChatMessageView[] = [];
      for (let n = 0; n < 31; n += 1) sent.push(await send(doctor, roomId, `note ${n}`));

      const page = await history(doctor, roomId);
      expect(page.items).toHaveLength(30);
      expect(page.hasMore).toBe(true);
      expect(await history(doctor, roomId, { limit: 100 })).toMatchObject({ hasMore: false });
      expect((await history(doctor, roomId, { limit: 100 })).items).toHaveLength(sent.length);

      const failure = await rpcFailure(history(doctor, roomId, { limit: 101, before: 'not-an-id' }));
      expect(failure).toMatchObject({ statusCode: 400, message: 'The request has invalid fields.' });
      expect(failure.details?.map((detail) => detail.field)).toEqual(
        expect.arrayContaining(['limit', 'before']),
      );
    });

    it('stores markup as plain text, verbatim', async () => {
      const { doctor, patient, roomId } = await pair();
      const markup = '<script>alert("hi")</script> <b>bold</b> &amp; <img src=x onerror=alert(1)>';

      const sent = await send(patient, roomId, markup);

      expect(sent.body).toBe(markup);
      expect((await history(doctor, roomId)).items[0].body).toBe(markup);
      expect(await service.db.collection('chatMessages').findOne({ roomId })).toMatchObject({ body: markup });
    });

    describe('a resend with the same clientId', () => {
      it('answers the original message and stores one', async () => {
        const { doctor, patient, roomId } = await pair();
        const clientId = randomUUID();

        const original = await send(patient, roomId, 'Can I take paracetamol?', clientId);
        const resent = await send(patient, roomId, 'Can I take paracetamol?', clientId);
        const changed = await send(patient, roomId, 'a different text, same client id', clientId);

        expect(resent).toEqual(original);
        expect(changed).toEqual(original);
        expect(await storedCount({ roomId, clientId })).toBe(1);
        expect(await ids(doctor, roomId)).toEqual([original.id]);
      });

      it('also when the copies race', async () => {
        const { patient, roomId } = await pair();
        const clientId = randomUUID();

        const answers = await Promise.all([1, 2, 3, 4].map(() => send(patient, roomId, 'race', clientId)));

        expect(new Set(answers.map((answer) => answer.id)).size).toBe(1);
        expect(await storedCount({ roomId, clientId })).toBe(1);
      });

      it('is per sender, and a message without clientId is never a resend', async () => {
        const { doctor, patient, roomId } = await pair();
        const clientId = 'same-id-from-both';

        const fromPatient = await send(patient, roomId, 'hi', clientId);
        const fromDoctor = await send(doctor, roomId, 'hi', clientId);
        const plainOne = await send(doctor, roomId, 'ok');
        const plainTwo = await send(doctor, roomId, 'ok');

        expect(fromDoctor.id).not.toBe(fromPatient.id);
        expect(plainTwo.id).not.toBe(plainOne.id);
        expect(plainOne).not.toHaveProperty('clientId');
        expect(await storedCount({ roomId })).toBe(4);
      });
    });

    describe('refuses bad messages with details and stores nothing', () => {
      let doctor: Person;
      let roomId: string;

      beforeAll(async () => {
        ({ doctor, roomId } = await pair());
      });

      afterAll(async () => {
        expect(await storedCount({ roomId })).toBe(1);
      });

      const problems = async (message: Record<string, unknown>): Promise<string[] | undefined> => {
        const failure = await rpcFailure(
          service.rpc.send(ChatSubjects.send, { actor: who(doctor), roomId, ...message }),
        );
        expect(failure).toMatchObject({ statusCode: 400, message: 'The request has invalid fields.' });
        return failure.details?.map((detail) => `${detail.field}: ${detail.problem}`);
      };

      it('an empty or blank body (0 characters once trimmed)', async () => {
        expect(await problems({ body: '' })).toEqual(['body: must not be empty']);
        expect(await problems({ body: ' \n\t ' })).toEqual(['body: must not be empty']);
        expect(await problems({})).toEqual(expect.arrayContaining(['body: must not be empty']));
      });

      it('a body of 4001 characters (4000 are fine)', async () => {
        expect(await problems({ body: 'x'.repeat(4001) })).toEqual([
          'body: must be shorter than or equal to 4000 characters',
        ]);
        expect((await send(doctor, roomId, 'y'.repeat(4000))).body).toHaveLength(4000);
      });

      it('a malformed clientId or an unknown field', async () => {
        expect(await problems({ body: 'hi', clientId: 'has spaces' })).toEqual([
          'clientId: must be 1 to 64 letters, digits, - or _',
        ]);
        expect(await problems({ body: 'hi', senderId: 'someone-else' })).toEqual([
          'senderId: property senderId should not exist',
        ]);
      });
    });
  });

  describe('access: only the room’s doctor and patient', () => {
    let doctor: Person;
    let patient: Person;
    let roomId: string;
    let message: ChatMessageView;
    const outsiders = (): Actor[] => [
      person('patient', 'Stranger'),
      person('doctor', 'Other Doctor'),
      { userId: 'admin-1', role: 'admin' },
      // The patient's own id with another role is not the patient.
      { userId: patient.userId, role: 'doctor' },
    ];

    beforeAll(async () => {
      ({ doctor, patient, roomId } = await pair());
      message = await send(doctor, roomId, 'Results are normal.');
    });

    it('anyone else gets the same 404 as for a room that does not exist, and no data', async () => {
      const notFound = {
        statusCode: 404,
        error: 'Not Found',
        code: 'not_found',
        message: 'Chat room not found.',
      };
      const unknownRoom = chatRoomId(randomUUID(), randomUUID());
      for (const actor of outsiders()) {
        for (const id of [roomId, unknownRoom]) {
          expect(await rpcFailure(room(actor, id))).toEqual(notFound);
          expect(await rpcFailure(history(actor, id))).toEqual(notFound);
          expect(await rpcFailure(send(actor, id, 'let me in'))).toEqual(notFound);
          expect(await rpcFailure(markRead(actor, id, message.id))).toEqual(notFound);
        }
      }
      expect(await rooms(person('patient', 'Stranger'))).toEqual([]);
      expect(await ids(patient, roomId)).toEqual([message.id]);
      expect((await storedRoom(roomId))?.readUpTo).toEqual({});
    });

    it('refuses a malformed room id (400) and admins’ room lists (403)', async () => {
      expect(await rpcFailure(room(doctor, 'not a room'))).toMatchObject({ statusCode: 400 });
      expect(await rpcFailure(rooms({ userId: 'admin-1', role: 'admin' }))).toMatchObject({
        statusCode: 403,
        message: 'Only patients and doctors have chat rooms.',
      });
    });
  });

  describe('read pointers and unread counts', () => {
    it('counts the other member’s messages after the pointer; the pointer only moves forward', async () => {
      const { doctor, patient, roomId } = await pair();
      const [d1, d2, d3] = [
        await send(doctor, roomId, 'one'),
        await send(doctor, roomId, 'two'),
        await send(doctor, roomId, 'three'),
      ];
      const p1 = await send(patient, roomId, 'four');

      expect(await room(patient, roomId)).toMatchObject({ unreadCount: 3 });
      expect(await room(doctor, roomId)).toMatchObject({ unreadCount: 1 });

      const read = await markRead(patient, roomId, d2.id);
      expect(read).toEqual({ roomId, userId: patient.userId, messageId: d2.id, at: expect.any(String) });
      expect(await room(patient, roomId)).toMatchObject({ unreadCount: 1 });
      expect((await storedRoom(roomId))?.readUpTo).toEqual({
        [patient.userId]: { messageId: d2.id, at: new Date(read.at) },
      });

      expect(await markRead(patient, roomId, d1.id)).toEqual(read);
      expect(await room(patient, roomId)).toMatchObject({ unreadCount: 1 });

      const patientRead = await markRead(patient, roomId, p1.id);
      expect(await room(patient, roomId)).toMatchObject({ unreadCount: 0 });
      const doctorRead = await markRead(doctor, roomId, d3.id);
      expect(await room(doctor, roomId)).toMatchObject({ unreadCount: 1 });
      expect(await rooms(doctor)).toEqual([expect.objectContaining({ id: roomId, unreadCount: 1 })]);

      // Both members see both pointers (doctor first), as `chat:read` carried them: what a client
      // that loads the room afresh shows its read ticks from.
      for (const member of [doctor, patient]) {
        expect((await room(member, roomId)).readPointers).toEqual([doctorRead, patientRead]);
        expect((await rooms(member))[0].readPointers).toEqual([doctorRead, patientRead]);
      }
    });

    it('refuses a message that is not in the room (404)', async () => {
      const first = await pair();
      const second = await pair();
      const elsewhere = await send(second.doctor, second.roomId, 'other room');

      for (const messageId of [elsewhere.id, '0123456789abcdef01234567']) {
        expect(await rpcFailure(markRead(first.patient, first.roomId, messageId))).toMatchObject({
          statusCode: 404,
          message: 'Message not found in this room.',
        });
      }
    });

    it('lists each member’s rooms most recently active first, with a short last message', async () => {
      const doctor = person('doctor', 'Many Patients');
      const [a, b, c] = [person('patient', 'A'), person('patient', 'B'), person('patient', 'C')];
      const [roomA, roomB, roomC] = [
        await booked(doctor, a),
        await booked(doctor, b),
        await booked(doctor, c),
      ];
      await send(a, roomA, 'first');
      await send(c, roomC, 'second');
      const long = await send(doctor, roomA, `${'é'.repeat(199)}🙂 and more`);

      const list = await rooms(doctor);

      expect(list.map((item) => item.id)).toEqual([roomA, roomC, roomB]);
      expect(list.map((item) => item.unreadCount)).toEqual([1, 1, 0]);
      expect(list[0].lastMessage).toEqual({
        id: long.id,
        senderId: doctor.userId,
        body: `${'é'.repeat(199)}🙂`,
        createdAt: long.createdAt,
      });
      expect(list[2].lastMessage).toBeNull();
    });

    it('never moves a pointer back, even when an older value is applied last', async () => {
      const { doctor, patient, roomId } = await pair();
      const older = await send(doctor, roomId, 'older');
      const newer = await send(doctor, roomId, 'newer');
      const read = await markRead(patient, roomId, newer.id);
      expect(await waitForOutboxDrained(service.db, 'chatRooms', roomId)).toBe(true);
      const pointers = service.app.get(RoomPointers);
      const olderPointer = { messageId: older.id, at: new Date() };

      await pointers.advanceLastMessage(roomId, toLastMessage(older));
      await pointers.messageStored(roomId, toLastMessage(older), []);
      const stale = await pointers.advanceReadPointer(
        roomId,
        patient.userId,
        olderPointer,
        [createEvent(ChatEventTypes.roomRead, toReadView(roomId, patient.userId, olderPointer))],
        { count: 5, ifMessageCount: 3 },
      );

      // The stored pointer is answered, and nothing that rode with the refused move was written.
      expect(stale).toEqual({ messageId: read.messageId, at: new Date(read.at) });
      expect(await storedRoom(roomId)).toMatchObject({ outbox: [], unread: { [patient.userId]: 0 } });
      expect(await room(doctor, roomId)).toMatchObject({
        lastMessage: { id: newer.id },
        readPointers: [read],
      });
    });

    it('keeps the newest pointers when both members write and read at once', async () => {
      const { doctor, patient, roomId } = await pair();
      const seed = await send(doctor, roomId, 'seed');

      const results = await Promise.all([
        ...[1, 2, 3, 4].map((n) => send(doctor, roomId, `d${n}`)),
        ...[1, 2, 3, 4].map((n) => send(patient, roomId, `p${n}`)),
        markRead(patient, roomId, seed.id),
        markRead(doctor, roomId, seed.id),
      ]);
      const sent = results.slice(0, 8) as ChatMessageView[];
      const newest = sent
        .map((message) => message.id)
        .sort()
        .at(-1);

      const stored = await room(doctor, roomId);
      expect(stored.lastMessage?.id).toBe(newest);
      expect(Object.keys((await storedRoom(roomId))?.readUpTo ?? {}).sort()).toEqual(
        [doctor.userId, patient.userId].sort(),
      );
    });
  });

  describe('unread counts kept on the room', () => {
    const unreadOf = async (member: Person, roomId: string): Promise<number> =>
      (await room(member, roomId)).unreadCount;

    it('counts 50 messages sent at once, each once, for their recipient only', async () => {
      const { doctor, patient, roomId } = await pair();

      const sent = await Promise.all(
        Array.from({ length: 50 }, (_, n) => send(doctor, roomId, `instruction ${n}`)),
      );

      expect(new Set(sent.map((message) => message.id)).size).toBe(50);
      expect(await unreadOf(patient, roomId)).toBe(50);
      expect(await rooms(patient)).toEqual([expect.objectContaining({ id: roomId, unreadCount: 50 })]);
      expect(await unreadOf(doctor, roomId)).toBe(0);
      expect(await storedRoom(roomId)).toMatchObject({
        messageCount: 50,
        unread: { [doctor.userId]: 0, [patient.userId]: 50 },
      });
    });

    it('recounts on a read: the other member’s messages after the message read', async () => {
      const { doctor, patient, roomId } = await pair();
      const sent: ChatMessageView[] = [];
      for (let n = 0; n < 12; n++) sent.push(await send(n % 3 === 2 ? patient : doctor, roomId, `m${n}`));
      const fromDoctor = sent.filter((message) => message.senderId === doctor.userId);

      await markRead(patient, roomId, sent[4].id);
      expect(await unreadOf(patient, roomId)).toBe(fromDoctor.filter((m) => m.id > sent[4].id).length);
      await markRead(doctor, roomId, sent[10].id);
      expect(await unreadOf(doctor, roomId)).toBe(1);
      // Marking an older message changes nothing, the count included.
      await markRead(patient, roomId, sent[1].id);
      expect(await unreadOf(patient, roomId)).toBe(fromDoctor.filter((m) => m.id > sent[4].id).length);
      await markRead(patient, roomId, sent[11].id);
      expect(await unreadOf(patient, roomId)).toBe(0);
      expect(await unreadOf(doctor, roomId)).toBe(1);
      await markRead(doctor, roomId, sent[11].id);
      expect(await unreadOf(doctor, roomId)).toBe(0);
    });

    it('moves the pointer alone when a message was recorded since the recount, and repairs the count later', async () => {
      const { doctor, patient, roomId } = await pair();
      const [first, second] = [await send(doctor, roomId, 'one'), await send(doctor, roomId, 'two')];
      const pointer = { messageId: second.id, at: new Date() };
      const event = createEvent(ChatEventTypes.roomRead, toReadView(roomId, patient.userId, pointer));

      // A recount made when the room had recorded only the first message.
      const stored = await service.app
        .get(RoomPointers)
        .advanceReadPointer(roomId, patient.userId, pointer, [event], { count: 0, ifMessageCount: 1 });

      expect(stored).toEqual(pointer);
      expect(await unreadOf(patient, roomId)).toBe(2);
      expect(
        await waitForLatestEvent<ChatRoomReadEvent>(
          service.nats,
          ChatEventTypes.roomRead,
          (candidate) => candidate.id === event.id,
        ),
      ).toMatchObject({ payload: { messageId: second.id } });
      expect(await markRead(patient, roomId, first.id)).toMatchObject({ messageId: second.id });
      expect(await unreadOf(patient, roomId)).toBe(0);
    });

    it('is never too low while reads race sends, and exact once the newest is read', async () => {
      const { doctor, patient, roomId } = await pair();
      await send(doctor, roomId, 'seed');

      // The patient reads each message as soon as its send is answered, while the others go on.
      const sends = Array.from({ length: 30 }, (_, n) => send(doctor, roomId, `d${n}`));
      const reads = sends.map((sending) => sending.then((message) => markRead(patient, roomId, message.id)));
      const sent = await Promise.all(sends);
      await Promise.all(reads);

      const pointer = (await room(patient, roomId)).readPointers.find(
        (read) => read.userId === patient.userId,
      );
      const trulyUnread = sent.filter((message) => message.id > (pointer?.messageId ?? '')).length;
      expect(await unreadOf(patient, roomId)).toBeGreaterThanOrEqual(trulyUnread);
      // Marking the newest read again (as a client does when it opens the room) repairs a count left high.
      const newest = sent.map((message) => message.id).sort()[sent.length - 1];
      await markRead(patient, roomId, newest);
      expect(await unreadOf(patient, roomId)).toBe(0);
      expect((await storedRoom(roomId))?.messageCount).toBe(31);
    });
  });

  describe('a long conversation, read a few days at a time', () => {
    const DAY_MS = 86_400_000;
    let doctor: Person;
    let patient: Person;
    let roomId: string;
    /** Every message of the room, newest first. */
    let newestFirst: string[];
    let doctorsIds: string[];

    /** A unique message id of that instant (ids sort by their second first). */
    const idAt = (at: number, n: number): Types.ObjectId =>
      new Types.ObjectId(
        `${Math.floor(at / 1000)
          .toString(16)
          .padStart(8, '0')}${randomUUID().replace(/-/g, '').slice(0, 10)}${n.toString(16).padStart(6, '0')}`,
      );

    beforeAll(async () => {
      ({ doctor, patient, roomId } = await pair());
      const now = Date.now();
      // Bursts with quiet months between, as a long conversation goes: 150 messages over 400 days.
      const bursts: [daysAgo: number, count: number][] = [
        [399, 1],
        [300, 29],
        [45, 30],
        [2, 30],
        [0, 60],
      ];
      const documents = bursts.flatMap(([daysAgo, count], burst) =>
        Array.from({ length: count }, (_, n) => {
          const _id = idAt(now - daysAgo * DAY_MS - 3_600_000 + n * 30_000, burst * 1000 + n);
          const at = _id.getTimestamp();
          return {
            _id,
            roomId,
            senderId: n % 2 ? patient.userId : doctor.userId,
            body: `burst ${burst} message ${n}`,
            clientId: _id.toHexString(),
            createdAt: at,
            day: at.toISOString().slice(0, 10),
            outbox: [],
          };
        }),
      );
      // Straight into the collection, with the room as the sends would have left it.
      await service.db.collection('chatMessages').insertMany(documents);
      newestFirst = documents
        .map((message) => message._id.toHexString())
        .sort()
        .reverse();
      doctorsIds = documents.filter((m) => m.senderId === doctor.userId).map((m) => m._id.toHexString());
      const newest = documents.find((message) => message._id.toHexString() === newestFirst[0])!;
      await service.db.collection('chatRooms').updateOne({ _id: roomId } as object, {
        $set: {
          createdAt: new Date(now - 400 * DAY_MS),
          messageCount: documents.length,
          lastMessage: {
            id: newestFirst[0],
            senderId: newest.senderId,
            body: newest.body,
            createdAt: newest.createdAt,
          },
          [`unread.${patient.userId}`]: doctorsIds.length,
        },
      });
    });

    it('pages back through every day with `before`, each message once, newest first', async () => {
      for (const limit of [30, 100, 7]) {
        const seen: string[] = [];
        let page = await history(patient, roomId, { limit });
        seen.push(...page.items.map((message) => message.id));
        while (page.hasMore) {
          page = await history(patient, roomId, { limit, before: seen[seen.length - 1] });
          seen.push(...page.items.map((message) => message.id));
        }
        expect(seen).toEqual(newestFirst);
      }
    });

    it('answers `after` and `before` across quiet months', async () => {
      const oldest = newestFirst[newestFirst.length - 1];
      expect(await history(doctor, roomId, { after: oldest, limit: 100 })).toMatchObject({ hasMore: true });
      expect(await ids(doctor, roomId, { after: oldest, limit: 100 })).toEqual(newestFirst.slice(0, 100));
      expect(await ids(doctor, roomId, { after: newestFirst[130], before: newestFirst[20] })).toEqual(
        newestFirst.slice(21, 51),
      );
      expect(await ids(doctor, roomId, { after: newestFirst[100], limit: 100 })).toEqual(
        newestFirst.slice(0, 100),
      );
      expect(await ids(doctor, roomId, { before: newestFirst[119], limit: 100 })).toEqual(
        newestFirst.slice(120),
      );
    });

    it('recounts unread messages across days on a read', async () => {
      const read = newestFirst[110];
      await markRead(patient, roomId, read);
      expect((await room(patient, roomId)).unreadCount).toBe(doctorsIds.filter((id) => id > read).length);
      await markRead(patient, roomId, newestFirst[0]);
      expect((await room(patient, roomId)).unreadCount).toBe(0);
    });
  });

  describe('events and realtime', () => {
    let subscription: Subscription | undefined;

    afterEach(() => subscription?.unsubscribe());

    it('publishes evt.chat.message_created on JetStream from the outbox, which then empties', async () => {
      const { doctor, patient, roomId } = await pair();
      const sent = await send(doctor, roomId, 'Take rest', 'client-1');

      const event = await waitForLatestEvent<ChatMessageCreatedEvent>(
        service.nats,
        ChatEventTypes.messageCreated,
        (candidate) => candidate.payload.id === sent.id,
      );

      expect(event).toMatchObject({
        type: ChatEventTypes.messageCreated,
        version: 1,
        payload: { ...sent, recipientIds: [patient.userId] },
      });
      // Message ids are ObjectIds; the helper only puts the id into `{_id}`.
      const messageKey = new Types.ObjectId(sent.id) as unknown as string;
      expect(await waitForOutboxDrained(service.db, 'chatMessages', messageKey)).toBe(true);
    });

    it('publishes evt.chat.room_read from the room’s outbox when a pointer moves, and only then', async () => {
      const { doctor, patient, roomId } = await pair();
      const first = await send(doctor, roomId, 'How is the cough?');
      const second = await send(doctor, roomId, 'And the fever?');

      const read = await markRead(patient, roomId, second.id);
      const event = await waitForLatestEvent<ChatRoomReadEvent>(
        service.nats,
        ChatEventTypes.roomRead,
        (candidate) => candidate.payload.roomId === roomId,
      );
      expect(event).toMatchObject({ type: ChatEventTypes.roomRead, version: 1, payload: read });
      expect(await waitForOutboxDrained(service.db, 'chatRooms', roomId)).toBe(true);

      // Marking an older message moves nothing, so it announces nothing.
      expect(await markRead(patient, roomId, first.id)).toEqual(read);
      expect((await storedRoom(roomId))?.outbox).toEqual([]);
      const latest = await waitForLatestEvent<ChatRoomReadEvent>(
        service.nats,
        ChatEventTypes.roomRead,
        () => true,
      );
      expect(latest.id).toBe(event.id);
    });

    it('tells the gateways over plain NATS, after the write and from the stored record', async () => {
      const { doctor, patient, roomId } = await pair();
      const received: { subject: string; data: unknown; stored: boolean }[] = [];
      const checks: Promise<void>[] = [];
      subscription = service.nats.subscribe(`rt.chat.${roomId}.>`, {
        callback: (_error, message) => {
          const data = codec.decode(message.data) as { id?: string };
          const entry = { subject: message.subject, data, stored: false };
          received.push(entry);
          if (data.id) {
            checks.push(
              storedCount({ roomId, body: 'Are you free at 5?' }).then((count) => {
                entry.stored = count === 1;
              }),
            );
          }
        },
      });
      await service.nats.flush();

      const sent = await send(patient, roomId, 'Are you free at 5?');
      const read = await markRead(doctor, roomId, sent.id);

      await waitFor(() => received.length >= 2, 5000, 'the realtime messages');
      await Promise.all(checks);
      expect(received).toEqual([
        { subject: ChatRealtimeSubjects.of(roomId, 'message'), data: sent, stored: true },
        { subject: ChatRealtimeSubjects.of(roomId, 'read'), data: read, stored: false },
      ]);
    });
  });
});
