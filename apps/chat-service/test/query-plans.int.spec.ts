import { randomUUID } from 'node:crypto';
import { getConnectionToken } from '@nestjs/mongoose';
import { Types, type Connection } from 'mongoose';
import { ChatEventTypes, chatRoomId } from '@arogyam/contracts';
import { createEvent } from '@arogyam/messaging';
import { startServiceUnderTest, unindexedQueriesOf, type ServiceUnderTest } from '@arogyam/testing';
import { chatService } from '../src/chat-service';
import { ChatMessageRepository } from '../src/messages/chat-message.repository';
import { messageDay, SHORT_ROOM_MESSAGES, type RoomTimeline } from '../src/messages/message-days';
import { toReadView } from '../src/read-state/read-views';
import { ChatRoomRepository } from '../src/rooms/chat-room.repository';

/** Every query each repository of chat-service sends is served by an index (query-plans.ts). */
describe('chat-service query plans', () => {
  let service: ServiceUnderTest;
  let connection: Connection;

  beforeAll(async () => {
    service = await startServiceUnderTest(chatService);
    connection = service.app.get<Connection>(getConnectionToken());
  });

  afterAll(async () => {
    await service?.stop();
  });

  const members = () => ({
    doctor: { id: randomUUID(), fullName: 'Kavya Nair' },
    patient: { id: randomUUID(), fullName: 'Ravi Kumar' },
  });

  it('serves every query of chatRooms from an index', async () => {
    const rooms = service.app.get(ChatRoomRepository);
    const { doctor, patient } = members();
    const roomId = chatRoomId(doctor.id, patient.id);
    const last = {
      id: new Types.ObjectId().toHexString(),
      senderId: doctor.id,
      body: 'Hello',
      createdAt: new Date(),
    };
    const pointer = { messageId: last.id, at: new Date() };
    const unserved = await unindexedQueriesOf(connection, async () => {
      await rooms.open([{ roomId, doctor, patient }]);
      const another = members();
      // Several at once: the existing ones are looked up by `_id` first.
      await rooms.open([
        { roomId, doctor, patient },
        { roomId: chatRoomId(another.doctor.id, another.patient.id), ...another },
      ]);
      await rooms.findById(roomId);
      await rooms.recentOfDoctor(doctor.id, 100);
      await rooms.recentOfPatient(patient.id, 100);
      await rooms.recordMessage(roomId, last, [patient.id]);
      await rooms.advanceLastMessage(roomId, last);
      const event = createEvent(ChatEventTypes.roomRead, toReadView(roomId, patient.id, pointer));
      await rooms.moveReadPointer(roomId, patient.id, pointer, [event], { count: 0, ifMessageCount: 1 });
      await rooms.moveReadPointer(roomId, doctor.id, pointer, []);
      await rooms.recountUnread(roomId, patient.id, pointer.messageId, { count: 0, ifMessageCount: 1 });
      await rooms.readPointerOf(roomId, patient.id);
    });
    expect(unserved).toEqual([]);
  });

  it('serves every query of chatMessages from an index', async () => {
    const messages = service.app.get(ChatMessageRepository);
    const { doctor, patient } = members();
    const roomId = chatRoomId(doctor.id, patient.id);
    const stored = Array.from({ length: 3 }, (_, n) => {
      const _id = new Types.ObjectId();
      return {
        _id,
        roomId,
        senderId: n % 2 ? patient.id : doctor.id,
        body: `message ${n}`,
        clientId: `client-${n}`,
        createdAt: new Date(),
        day: messageDay(_id),
      };
    });
    const [first, , newest] = stored.map((message) => message._id.toHexString());
    const short: RoomTimeline = { roomId, openedAt: new Date(), newestId: newest, messageCount: 3 };
    const long: RoomTimeline = { ...short, messageCount: SHORT_ROOM_MESSAGES + 1 };
    const unserved = await unindexedQueriesOf(connection, async () => {
      for (const message of stored) await messages.insert(message, []);
      await messages.findResent(roomId, doctor.id, 'client-0');
      await messages.roomOf(first);
      for (const room of [short, long]) {
        await messages.pageOf(room, {}, 31);
        await messages.pageOf(room, { before: newest }, 31);
        await messages.pageOf(room, { after: first }, 101);
        await messages.countFromAfter(room, doctor.id, first, newest);
      }
    });
    expect(unserved).toEqual([]);
  });
});
