import { JSONCodec } from 'nats';
import type { Socket } from 'socket.io-client';
import {
  EVENTS_STREAM,
  eventSubject,
  type ChatMessageView,
  type ChatReadView,
  type DeadLetterView,
  type EventEnvelope,
  type NotificationsReadView,
} from '@arogyam/contracts';
import { createEvent, recordDeadLetter } from '@arogyam/messaging';
import { connectAs, waitFor } from '@arogyam/testing';
import ICAL from 'ical.js';
import { emailsTo, type SentEmail } from './emails';
import { httpClient } from './http';
import { ask, socketPool } from './sockets';
import { registerPatient, verifiedDoctorWithHours, type Person } from './people';
import { signInAdmin, startPlatform, type Platform } from './platform';

interface NotificationBody {
  id: string;
  title: string;
  body: string;
  data: Record<string, string>;
  read: boolean;
  readAt?: string | null;
}
interface InboxBody {
  items: NotificationBody[];
  total: number;
  unreadCount: number;
}

let platform: Platform;
let call: ReturnType<typeof httpClient>;
let patient: Person;
let doctor: Person;
const sockets = socketPool();
let socket: Socket;

beforeAll(async () => {
  platform = await startPlatform();
  call = httpClient(platform.baseUrl);
  const admin = await signInAdmin(call);
  doctor = await verifiedDoctorWithHours(call, admin.token, 'Dr Notify Nair');
  patient = await registerPatient(call, 'Pooja Notified');
  socket = await sockets.connect(platform.baseUrl, patient.token);
}, 90000);

afterAll(async () => {
  sockets.closeAll();
  await platform?.stop();
});

it('a booking reaches the patient live over the socket and in the inbox, which marks it read', async () => {
  const pushed: NotificationBody[] = [];
  socket.on('notification', (notification: NotificationBody) => pushed.push(notification));

  const startAt = new Date(Math.ceil((Date.now() + 72 * 3_600_000) / 3_600_000) * 3_600_000).toISOString();
  const booked = await call('POST', '/api/appointments', {
    token: patient.token,
    body: { doctorId: doctor.id, startAt, mode: 'video' },
  });
  expect(booked.status).toBe(201);

  await waitFor(() => pushed.length > 0, 10000, 'the booking notification to be pushed');
  expect(pushed[0].body).toContain('Dr Notify Nair');

  const inbox = await call<InboxBody>('GET', '/api/notifications', { token: patient.token });
  expect(inbox.status).toBe(200);
  expect(inbox.body.unreadCount).toBeGreaterThan(0);
  const stored = inbox.body.items.find((n) => n.id === pushed[0].id);
  expect(stored).toBeDefined();

  expect(
    (await call('POST', `/api/notifications/${pushed[0].id}/read`, { token: patient.token })).status,
  ).toBeLessThan(300);
  const after = await call<InboxBody>('GET', '/api/notifications', { token: patient.token });
  expect(after.body.unreadCount).toBe(inbox.body.unreadCount - 1);
  // Someone else's notification is not theirs to read.
  expect(
    (await call('POST', `/api/notifications/${pushed[0].id}/read`, { token: doctor.token })).status,
  ).toBe(404);
});

it('booking, moving and cancelling email a link and a calendar file that adds, moves and removes one event', async () => {
  const me = await call<{ email: string }>('GET', '/api/patients/me', { token: patient.token });
  const hour = (hours: number) =>
    new Date(Math.ceil((Date.now() + hours * 3_600_000) / 3_600_000) * 3_600_000).toISOString();
  const booked = await call<{ id: string; startAt: string }>('POST', '/api/appointments', {
    token: patient.token,
    body: { doctorId: doctor.id, startAt: hour(100), mode: 'video' },
  });
  expect(booked.status).toBe(201);
  const id = booked.body.id;

  /** The patient's email whose subject matches, its calendar file parsed with a calendar library. */
  const invite = async (subject: RegExp) => {
    const found = await waitFor(
      async () =>
        (await emailsTo(platform.outboxDir, me.body.email)).find(
          // This appointment's, not the patient's earlier bookings'.
          (sent) => subject.test(sent.subject) && sent.text.includes(`/appointments/${id}`),
        ),
      15000,
      `an email "${subject.source}"`,
    );
    if (!found) throw new Error(`no email "${subject.source}"`);
    const email: SentEmail = found;
    const calendar = new ICAL.Component(ICAL.parse(email.calendar?.content ?? ''));
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent') ?? undefined);
    return {
      email,
      method: calendar.getFirstPropertyValue('method'),
      uid: event.uid,
      sequence: event.sequence,
      start: event.startDate.toJSDate().toISOString(),
      status: calendar.getFirstSubcomponent('vevent')?.getFirstPropertyValue('status'),
      url: calendar.getFirstSubcomponent('vevent')?.getFirstPropertyValue('url'),
    };
  };

  const added = await invite(/^Appointment booked with/);
  expect(added).toMatchObject({
    method: 'REQUEST',
    uid: `${id}@arogyam`,
    start: booked.body.startAt,
    status: 'CONFIRMED',
  });
  expect(added.email.calendar?.filename).toBe('appointment.ics');
  expect(added.url).toMatch(new RegExp(`^https?://[^/]+/appointments/${id}$`));
  expect(added.email.text).toContain(`Open it in Arogyam: ${String(added.url)}`);

  const newStart = hour(103);
  expect(
    (await call('PATCH', `/api/appointments/${id}`, { token: patient.token, body: { startAt: newStart } }))
      .status,
  ).toBe(200);
  const moved = await invite(/ moved$/);
  expect(moved).toMatchObject({ method: 'REQUEST', uid: added.uid, start: newStart, status: 'CONFIRMED' });
  expect(moved.sequence).toBeGreaterThanOrEqual(added.sequence);

  expect(
    (await call('POST', `/api/appointments/${id}/cancel`, { token: patient.token, body: {} })).status,
  ).toBe(200);
  const removed = await invite(/ cancelled$/);
  expect(removed).toMatchObject({ method: 'CANCEL', uid: added.uid, status: 'CANCELLED' });
  expect(removed.sequence).toBeGreaterThanOrEqual(moved.sequence);
});

it('a patient who reads Hindi gets the booking email and notice in Hindi, an English one in English, the doctor in theirs', async () => {
  const hindi = await registerPatient(call, 'Kavya Hindi');
  const english = await registerPatient(call, 'Ethan English');
  const refused = await call<{ code: string }>('PATCH', '/api/users/me/preferences', {
    token: hindi.token,
    body: { language: 'fr' },
  });
  expect(refused).toMatchObject({ status: 400, body: { code: 'invalid_input' } });
  expect(
    await call('PATCH', '/api/users/me/preferences', { token: hindi.token, body: { language: 'hi' } }),
  ).toMatchObject({ status: 200, body: { language: 'hi' } });
  expect((await call('GET', '/api/users/me/preferences', { token: hindi.token })).body).toEqual({
    language: 'hi',
  });
  expect((await call('GET', '/api/users/me/preferences', { token: english.token })).body).toEqual({
    language: 'en',
  });

  const hour = (hours: number) =>
    new Date(Math.ceil((Date.now() + hours * 3_600_000) / 3_600_000) * 3_600_000).toISOString();
  /** Books at `hours` ahead; answers the patient's booking email and in-app notice of it. */
  const bookAndRead = async (person: Person, hours: number) => {
    const me = await call<{ email: string }>('GET', '/api/patients/me', { token: person.token });
    const booked = await call<{ id: string }>('POST', '/api/appointments', {
      token: person.token,
      body: { doctorId: doctor.id, startAt: hour(hours), mode: 'video' },
    });
    expect(booked.status).toBe(201);
    const about = (text: string) => text.includes(`/appointments/${booked.body.id}`);
    const email = await waitFor(
      async () => (await emailsTo(platform.outboxDir, me.body.email)).find((sent) => about(sent.text)),
      15000,
      `the booking email to ${me.body.email}`,
    );
    const inbox = await call<InboxBody>('GET', '/api/notifications', { token: person.token });
    const notice = inbox.body.items.find((item) => item.data.appointmentId === booked.body.id);
    if (!email || !notice) throw new Error('no booking email or notice');
    return { id: booked.body.id, email, notice };
  };
  const devanagari = /[\u0900-\u097F]/;

  const inHindi = await bookAndRead(hindi, 130);
  expect(inHindi.email.subject).toBe('Dr Notify Nair के साथ अपॉइंटमेंट बुक हुआ');
  expect(inHindi.email.text).toContain('नमस्ते Kavya Hindi,');
  expect(inHindi.email.text).toMatch(
    /Dr Notify Nair \(.+\) के साथ आपका वीडियो परामर्श .+ IST के लिए बुक हो गया है।/,
  );
  expect(inHindi.email.text).toContain('आरोग्यम में खोलें: ');
  expect(inHindi.notice.title).toBe('Dr Notify Nair के साथ अपॉइंटमेंट बुक हुआ');
  expect(inHindi.notice.body).toMatch(devanagari);
  expect(inHindi.notice.body).toContain('Dr Notify Nair');

  const inEnglish = await bookAndRead(english, 131);
  expect(inEnglish.email.subject).toBe('Appointment booked with Dr Notify Nair');
  expect(inEnglish.email.text).toContain('Hello Ethan English,');
  expect(`${inEnglish.email.text}${inEnglish.notice.title}${inEnglish.notice.body}`).not.toMatch(devanagari);

  // The doctor never chose a language: their notice of the Hindi patient's booking is English.
  const doctorInbox = await call<InboxBody>('GET', '/api/notifications', { token: doctor.token });
  const toDoctor = doctorInbox.body.items.find((item) => item.data.appointmentId === inHindi.id);
  expect(toDoctor?.title).toBe('New appointment with Kavya Hindi');
});

it('reading a chat room marks its message notifications read, and the bell drops live', async () => {
  // The booking above opened the pair's room.
  const roomId = `${doctor.id}:${patient.id}`;
  await waitFor(
    async () => (await call('GET', `/api/chat/rooms/${roomId}`, { token: patient.token })).status === 200,
    15000,
    'the chat room of the booking',
  );
  const pushed: NotificationBody[] = [];
  const reads: NotificationsReadView[] = [];
  socket.on('notification', (notification: NotificationBody) => pushed.push(notification));
  socket.on('notification:read', (read: NotificationsReadView) => reads.push(read));

  const sent: ChatMessageView[] = [];
  for (const body of ['Please fast from midnight', 'And bring your reports']) {
    const answer = await call<ChatMessageView>('POST', `/api/chat/rooms/${roomId}/messages`, {
      token: doctor.token,
      body: { body },
    });
    expect(answer.status).toBe(201);
    sent.push(answer.body);
  }
  const chatNotifications = await waitFor(
    () => {
      const found = pushed.filter((notification) => notification.data.roomId === roomId);
      return found.length === 2 ? found : undefined;
    },
    10000,
    'both chat notifications to be pushed',
  );
  const before = await call<InboxBody>('GET', '/api/notifications', { token: patient.token });
  expect(before.body.unreadCount).toBeGreaterThanOrEqual(2);

  // The patient reads the room up to the newest message, as the app does on screen.
  const read = await ask<ChatReadView>(socket, 'chat:read', { roomId, messageId: sent[1].id });

  await waitFor(() => reads.length > 0, 10000, 'the bell to be told');
  expect(reads).toEqual([
    {
      ids: expect.arrayContaining(chatNotifications.map((notification) => notification.id)),
      readAt: read.at,
      unreadCount: before.body.unreadCount - 2,
    },
  ]);
  expect(reads[0].ids).toHaveLength(2);
  const after = await call<InboxBody>('GET', '/api/notifications', { token: patient.token });
  expect(after.body.unreadCount).toBe(before.body.unreadCount - 2);
  for (const notification of chatNotifications) {
    expect(after.body.items.find((item) => item.id === notification.id)).toMatchObject({
      read: true,
      readAt: read.at,
    });
  }
});

it('an event a service gave up on is listed for admins, without its content, and replayed to that service', async () => {
  const admin = await signInAdmin(call);
  const adminToken = admin.token;
  const startAt = new Date(Math.ceil((Date.now() + 96 * 3_600_000) / 3_600_000) * 3_600_000).toISOString();
  const booked = await call<{ id: string }>('POST', '/api/appointments', {
    token: patient.token,
    body: { doctorId: doctor.id, startAt, mode: 'video' },
  });
  expect(booked.status).toBe(201);

  // As notification-service's consumer keeps an event after its last failed delivery (the give-up
  // itself is tested in libs/testing's event-consumer spec): the booking's real event, and one of
  // a type the service does not handle.
  // As notification-service itself: its NATS user may read the events stream and keep its dead letters.
  const nats = await connectAs(platform.infra, 'notification');
  try {
    const jsm = await nats.jetstreamManager();
    const bookedEvent = await waitFor(
      async () => {
        const last = await jsm.streams.getMessage(EVENTS_STREAM, {
          last_by_subj: eventSubject('appointment.booked'),
        });
        const event = JSONCodec<EventEnvelope<{ id: string }>>().decode(last.data);
        return event.payload.id === booked.body.id ? { event, data: last.data } : undefined;
      },
      10000,
      'the booking event',
    );
    const unhandled = createEvent('probe.unhandled', {});
    const keep = (eventType: string, eventId: string, data: Uint8Array) =>
      recordDeadLetter(nats, {
        service: 'notification-service',
        eventType,
        eventId,
        reason: 'Error: the database was down',
        deliveries: 10,
        data,
      });
    await keep(bookedEvent.event.type, bookedEvent.event.id, bookedEvent.data);
    await keep(unhandled.type, unhandled.id, JSONCodec().encode(unhandled));
  } finally {
    await nats.close();
  }

  expect((await call('GET', '/api/admin/dead-letters', { token: patient.token })).status).toBe(403);
  const listed = async () =>
    (await call<DeadLetterView[]>('GET', '/api/admin/dead-letters', { token: adminToken })).body;
  const before = await listed();
  const letter = before.find(
    (item) => item.eventType === 'appointment.booked' && item.service === 'notification-service',
  );
  const stray = before.find((item) => item.eventType === 'probe.unhandled');
  expect(letter).toMatchObject({ deliveries: 10, reason: 'Error: the database was down' });
  // What happened to whom, never the event's content.
  expect(Object.keys(letter!).sort()).toEqual([
    'deadAt',
    'deliveries',
    'eventId',
    'eventType',
    'reason',
    'seq',
    'service',
  ]);

  const replayed = await call('POST', `/api/admin/dead-letters/${letter!.seq}/replay`, { token: adminToken });
  expect(replayed).toMatchObject({ status: 200, body: { handled: true } });
  const refused = await call('POST', `/api/admin/dead-letters/${stray!.seq}/replay`, { token: adminToken });
  expect(refused).toMatchObject({
    status: 200,
    body: { handled: false, reason: 'This service no longer handles probe.unhandled' },
  });
  const after = (await listed()).map((item) => item.seq);
  expect(after).toContain(stray!.seq);
  expect(after).not.toContain(letter!.seq);
  expect(
    (await call('POST', `/api/admin/dead-letters/${letter!.seq}/replay`, { token: adminToken })).status,
  ).toBe(404);
  expect((await call('POST', '/api/admin/dead-letters/first/replay', { token: adminToken })).status).toBe(
    400,
  );
});
