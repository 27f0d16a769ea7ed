import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSONCodec, type Subscription } from 'nats';
import {
  AppointmentEventTypes,
  ChatEventTypes,
  NOTIFICATIONS_READ_REALTIME_WILDCARD,
  NotificationSubjects,
  type ChatMessageCreatedPayload,
  type ChatReadView,
  type ChatRoomReadPayload,
  type EventEnvelope,
  type NotificationInboxPage,
  type NotificationsReadView,
} from '@arogyam/contracts';
import {
  startServiceUnderTest,
  waitFor,
  waitForEventConsumers,
  type ServiceUnderTest,
} from '@arogyam/testing';
import { ChatReadPointerRepository } from '../src/chat-reads/chat-read-pointer.repository';
import { ControlledClock } from './support/controlled-clock';
import { appointmentBetween, eventAt, redeliver } from './support/events';
import { onClock } from './support/instances';
import { ProfileServices, type TestPerson } from './support/profile-services';

const codec = JSONCodec<NotificationsReadView>();

/** Message ids as chat-service makes them: ObjectId hex, sorting by creation. */
const messageId = (n: number): string => `6745a0${String(n).padStart(2, '0')}0000000000000000`;

/**
 * A member reading a chat room (`evt.chat.room_read`) marks their chat notifications of that room
 * read, up to the message they read, and tells their apps (`rt.user.<id>.notifications_read`).
 */
describe('notification-service: reading a chat room clears its notifications', () => {
  let service: ServiceUnderTest;
  let profiles: ProfileServices;
  let subscription: Subscription;
  let outbox: string;
  const readPushes: { userId: string; view: NotificationsReadView }[] = [];
  const clock = new ControlledClock(new Date());

  let doctor: TestPerson;
  let patient: TestPerson;
  const roomId = (): string => `${doctor.id}:${patient.id}`;

  beforeAll(async () => {
    outbox = mkdtempSync(join(tmpdir(), 'arogyam-outbox-'));
    service = await startServiceUnderTest(onClock(clock), {
      SMTP_URL: 'dev',
      NOTIFICATION_OUTBOX_DIR: outbox,
    });
    profiles = new ProfileServices(service.nats);
    await profiles.start();
    subscription = service.nats.subscribe(NOTIFICATIONS_READ_REALTIME_WILDCARD, {
      callback: (_error, message) =>
        readPushes.push({ userId: message.subject.split('.')[2], view: codec.decode(message.data) }),
    });
    await service.nats.flush();
    doctor = profiles.doctor('Meera Iyer');
    patient = profiles.patient('Asha Rao');
  });

  afterAll(async () => {
    subscription?.unsubscribe();
    await service?.stop();
    rmSync(outbox, { recursive: true, force: true });
  });

  const inbox = (person: TestPerson): Promise<NotificationInboxPage> =>
    service.rpc.send(NotificationSubjects.listInbox, {
      actor: { userId: person.id, role: person.role },
      query: { limit: 100 },
    });
  const publish = async <T>(type: string, payload: T): Promise<EventEnvelope<string, T>> => {
    const event = eventAt(clock, type, payload);
    await service.events.publish(event);
    return event;
  };
  const chatMessage = (n: number, room = roomId()): ChatMessageCreatedPayload => ({
    id: messageId(n),
    roomId: room,
    senderId: doctor.id,
    body: `Message ${n}`,
    createdAt: clock.now().toISOString(),
    recipientIds: [patient.id],
  });
  const roomRead = (n: number): ChatRoomReadPayload => ({
    roomId: roomId(),
    userId: patient.id,
    messageId: messageId(n),
    at: clock.now().toISOString(),
  });
  const readIds = async (person: TestPerson): Promise<string[]> =>
    (await inbox(person)).items.filter((item) => item.read).map((item) => item.data.messageId ?? item.id);

  it('marks read the room’s chat notifications up to the message read, not later ones, not other rooms or kinds', async () => {
    const booking = await publish(
      AppointmentEventTypes.booked,
      appointmentBetween(doctor, patient, new Date(clock.now().getTime() + 48 * 3_600_000)),
    );
    const otherRoom = `${randomUUID()}:${patient.id}`;
    for (const payload of [chatMessage(1), chatMessage(2), chatMessage(3), chatMessage(4, otherRoom)]) {
      await publish(ChatEventTypes.messageCreated, payload);
    }
    await waitFor(
      async () => (await inbox(patient)).total === 5,
      10000,
      'the booking and four chat notifications',
    );
    expect((await inbox(patient)).unreadCount).toBe(5);

    const read = await publish(ChatEventTypes.roomRead, roomRead(2));

    await waitFor(async () => (await inbox(patient)).unreadCount === 3, 10000, 'two notifications read');
    expect((await readIds(patient)).sort()).toEqual([messageId(1), messageId(2)]);
    const [readOne] = (await inbox(patient)).items.filter((item) => item.read);
    expect(readOne.readAt).toBe(read.payload.at);
    expect((await inbox(patient)).items.find((item) => item.id.startsWith(booking.id))?.read).toBe(false);

    // Their apps are told which, and how many stay unread.
    await waitFor(() => readPushes.length === 1, 5000, 'the read push');
    expect(readPushes[0].userId).toBe(patient.id);
    expect(readPushes[0].view).toEqual({
      ids: expect.arrayContaining([
        expect.stringContaining(`:${patient.id}:inApp`),
        expect.stringContaining(`:${patient.id}:inApp`),
      ]),
      readAt: read.payload.at,
      unreadCount: 3,
    });
    expect(readPushes[0].view.ids).toHaveLength(2);
  });

  it('a redelivered or older read changes nothing and tells no one', async () => {
    const read = await publish(ChatEventTypes.roomRead, roomRead(2));
    await redeliver(service.nats, read);
    await publish(ChatEventTypes.roomRead, roomRead(1));
    // A later event shows the three above were handled (the consumer takes them in order).
    await publish(ChatEventTypes.roomRead, roomRead(3));
    await waitFor(async () => (await inbox(patient)).unreadCount === 2, 10000, 'message 3 read');
    await waitFor(() => readPushes.length >= 2, 5000, 'the push of message 3 read');
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(readPushes).toHaveLength(2);
    expect(readPushes[1].view).toMatchObject({ unreadCount: 2 });
    expect(readPushes[1].view.ids).toHaveLength(1);
  });

  it('keeps the later of two first reads written at once (two instances)', async () => {
    const pointers = service.app.get(ChatReadPointerRepository);
    const rooms = Array.from({ length: 20 }, () => randomUUID());
    const read = (room: string, n: number): ChatReadView => ({
      roomId: room,
      userId: patient.id,
      messageId: messageId(n),
      at: new Date().toISOString(),
    });
    await Promise.all(
      rooms.flatMap((room) => [pointers.moveForward(read(room, 5)), pointers.moveForward(read(room, 4))]),
    );
    const kept = await Promise.all(rooms.map((room) => pointers.readersOf(room, messageId(5), [patient.id])));
    expect(kept.map((readers) => readers.map((reader) => reader.messageId))).toEqual(
      rooms.map(() => [messageId(5)]),
    );
  });

  it('a message the reader has already read past (its event handled after the read) notifies no one', async () => {
    await publish(ChatEventTypes.roomRead, roomRead(6));
    // Reads and messages have consumers of their own: the read is handled before message 5 is sent.
    await waitForEventConsumers(service.nats, 'notification');
    await publish(ChatEventTypes.messageCreated, chatMessage(5));
    const later = await publish(ChatEventTypes.messageCreated, chatMessage(7));

    await waitFor(
      async () => (await inbox(patient)).items.some((item) => item.id.startsWith(later.id)),
      10000,
      'the notification of message 7',
    );
    const messages = (await inbox(patient)).items.map((item) => item.data.messageId);
    expect(messages).toContain(messageId(7));
    expect(messages).not.toContain(messageId(5));
  });
});
