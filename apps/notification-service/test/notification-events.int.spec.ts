import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  AppointmentCallEventTypes,
  AppointmentEventTypes,
  ChatEventTypes,
  NotificationSubjects,
  PatientContactEventTypes,
  PatientDataSubjects,
  PrescriptionEventTypes,
  ProfileEventTypes,
  UserEventTypes,
  type Actor,
  type AppointmentCallRecordedPayload,
  type ChatMessageCreatedPayload,
  type EventEnvelope,
  type NotificationInboxPage,
  type NotificationPreferencesView,
  type NotificationView,
  type PatientDataPage,
  type PrescriptionView,
} from '@arogyam/contracts';
import { utcHour } from '@arogyam/persistence';
import { rpcFailure, startServiceUnderTest, waitFor, type ServiceUnderTest } from '@arogyam/testing';
import { ControlledClock } from './support/controlled-clock';
import { appointmentBetween, eventAt, redeliver } from './support/events';
import { onClock } from './support/instances';
import { readOutbox, type OutboxEmail, type OutboxSms } from './support/outbox';
import { ProfileServices, type TestPerson } from './support/profile-services';
import { RealtimeWatcher } from './support/realtime';

/** 2026-12-01T04:30Z: 10:00 am in Kolkata, 11:30 pm the evening before in New York. */
const START = new Date('2026-12-01T04:30:00.000Z');
const IST_TIME = 'Tuesday, 1 December 2026 at 10:00 am IST';
const NEW_YORK_TIME = 'Monday, 30 November 2026 at 11:30 pm GMT-5';

describe('notification-service: events to notifications', () => {
  let service: ServiceUnderTest;
  let profiles: ProfileServices;
  let realtime: RealtimeWatcher;
  let outbox: string;
  const clock = new ControlledClock(new Date('2026-11-20T06:00:00.000Z'));

  beforeAll(async () => {
    outbox = mkdtempSync(join(tmpdir(), 'arogyam-outbox-'));
    service = await startServiceUnderTest(onClock(clock), {
      SMTP_URL: 'dev',
      NOTIFICATION_OUTBOX_DIR: outbox,
      REMINDER_POLL_SECONDS: '1',
    });
    profiles = new ProfileServices(service.nats);
    await profiles.start();
    realtime = new RealtimeWatcher(service.nats);
    await realtime.start();
  });

  afterAll(async () => {
    realtime?.stop();
    await service?.stop();
    rmSync(outbox, { recursive: true, force: true });
  });

  const actor = (person: TestPerson): Actor => ({ userId: person.id, role: person.role });
  const inbox = (person: TestPerson, query: Record<string, unknown> = {}): Promise<NotificationInboxPage> =>
    service.rpc.send(NotificationSubjects.listInbox, { actor: actor(person), query });
  const setPreferences = (person: TestPerson, body: object): Promise<NotificationPreferencesView> =>
    service.rpc.send(NotificationSubjects.setPreferences, { actor: actor(person), body });
  const emails = async (to: TestPerson): Promise<OutboxEmail[]> =>
    (await readOutbox<OutboxEmail>(join(outbox, 'email'))).filter((email) => email.to === to.email);
  const texts = async (to: string): Promise<OutboxSms[]> =>
    (await readOutbox<OutboxSms>(join(outbox, 'sms'))).filter((sms) => sms.to === to);

  /** The user's in-app notifications from one event, once there are `count` of them. */
  const notificationsFrom = async (person: TestPerson, event: EventEnvelope, count = 1) =>
    waitFor(
      async () => {
        const items = (await inbox(person, { limit: 100 })).items.filter((item) =>
          item.id.startsWith(`${event.id}:`),
        );
        return items.length >= count ? items : undefined;
      },
      10000,
      `${count} notification(s) of ${event.type} ${event.id} for ${person.fullName}`,
    );

  const publish = async <T>(type: string, payload: T): Promise<EventEnvelope<string, T>> => {
    const event = eventAt(clock, type, payload);
    await service.events.publish(event);
    return event;
  };

  it('a booking tells doctor and patient in-app, naming the other and the time, and pushes it on rt.user.<id>.notification', async () => {
    const doctor = profiles.doctor('Meera Iyer');
    const patient = profiles.patient('Asha Rao');
    const appointment = appointmentBetween(doctor, patient, START);
    const event = await publish(AppointmentEventTypes.booked, appointment);

    const [toPatient] = await notificationsFrom(patient, event);
    expect(toPatient).toMatchObject({
      id: `${event.id}:${patient.id}:inApp`,
      kind: 'appointment',
      title: 'Appointment booked with Dr. Meera Iyer',
      body: `Your video consultation with Dr. Meera Iyer (Cardiology) is booked for ${IST_TIME}.`,
      data: { appointmentId: appointment.id },
      read: false,
    });
    const [toDoctor] = await notificationsFrom(doctor, event);
    expect(toDoctor).toMatchObject({
      title: 'New appointment with Asha Rao',
      body: `Asha Rao booked a video consultation with you for ${IST_TIME}.`,
    });

    // Gateways get each stored notification, on its user's own subject.
    await waitFor(() => realtime.to(patient.id).length === 1 && realtime.to(doctor.id).length === 1);
    expect(realtime.to(patient.id)).toEqual([toPatient]);
    expect(realtime.pushes.find((push) => push.userId === doctor.id)?.subject).toBe(
      `rt.user.${doctor.id}.notification`,
    );

    // Default preferences: appointment news by email too (the dev outbox), not by SMS.
    await waitFor(async () => (await emails(patient)).length === 1 && (await emails(doctor)).length === 1);
    expect(await emails(patient)).toEqual([
      expect.objectContaining({ subject: 'Appointment booked with Dr. Meera Iyer' }),
    ]);
  });

  it('with SMTP_URL=dev, each email is a JSON file in <NOTIFICATION_OUTBOX_DIR>/email', async () => {
    const doctor = profiles.doctor('Kabir Menon', 'Dermatology');
    const patient = profiles.patient('Lata Pillai');
    const event = await publish(AppointmentEventTypes.booked, appointmentBetween(doctor, patient, START));

    const [email] = await waitFor(async () => {
      const found = await emails(patient);
      return found.length > 0 ? found : undefined;
    });
    expect(email).toEqual({
      id: `${event.id}:${patient.id}:email`,
      from: 'Arogyam <no-reply@arogyam.dev>',
      to: patient.email,
      subject: 'Appointment booked with Dr. Kabir Menon',
      text: expect.stringContaining('Hello Lata Pillai,'),
      calendar: {
        method: 'REQUEST',
        filename: 'appointment.ics',
        content: expect.stringContaining('BEGIN:VEVENT'),
      },
      createdAt: expect.any(String),
    });
    // The calendar file is sent, not kept: the stored record has the text only.
    expect(
      await service.db.collection('notifications').findOne({ _id: email.id } as object),
    ).not.toHaveProperty('calendar');
    expect(email.text).toContain(
      `Your video consultation with Dr. Kabir Menon (Dermatology) is booked for ${IST_TIME}.`,
    );
    const stored = await service.db.collection('notifications').findOne({ _id: email.id } as object);
    expect(stored).toMatchObject({ channel: 'email', status: 'sent', to: patient.email });
  });

  it('a redelivered event notifies no one twice, on any channel', async () => {
    const doctor = profiles.doctor('Farhan Ali');
    const patient = profiles.patient('Nila Das', '+91 98450 12345');
    await setPreferences(patient, { sms: { appointment: true } });
    const event = await publish(AppointmentEventTypes.booked, appointmentBetween(doctor, patient, START));
    await notificationsFrom(patient, event);
    await waitFor(async () => (await texts('+91 98450 12345')).length === 1);

    await redeliver(service.nats, event);
    await redeliver(service.nats, event);
    // One consumer handles events in stream order: once a later event is in, the repeats were handled.
    const later = await publish(AppointmentEventTypes.cancelled, appointmentBetween(doctor, patient, START));
    await notificationsFrom(patient, later);
    await waitFor(async () => (await emails(patient)).length === 2, 10000, 'the later email');

    expect(await notificationsFrom(patient, event)).toHaveLength(1);
    expect(await notificationsFrom(doctor, event)).toHaveLength(1);
    expect(realtime.to(patient.id).filter((item) => item.id.startsWith(event.id))).toHaveLength(1);
    expect((await emails(patient)).filter((email) => email.id.startsWith(event.id))).toHaveLength(1);
    expect((await emails(doctor)).filter((email) => email.id.startsWith(event.id))).toHaveLength(1);
    expect((await texts('+91 98450 12345')).filter((sms) => sms.id.startsWith(event.id))).toHaveLength(1);
  });

  it('rescheduled and cancelled tell both sides, each in their own time zone', async () => {
    const doctor = profiles.doctor('Meera Iyer');
    const patient = profiles.patient('Tom Baker');
    await setPreferences(patient, { timezone: 'America/New_York' });
    const appointment = appointmentBetween(doctor, patient, new Date('2026-11-28T09:00:00.000Z'));
    const moved = { ...appointment, startAt: START.toISOString() };

    const rescheduled = await publish(AppointmentEventTypes.rescheduled, moved);
    expect((await notificationsFrom(patient, rescheduled))[0]).toMatchObject({
      title: 'Appointment with Dr. Meera Iyer moved',
      body: `Your video consultation with Dr. Meera Iyer (Cardiology) has moved to ${NEW_YORK_TIME}.`,
    });
    expect((await notificationsFrom(doctor, rescheduled))[0]).toMatchObject({
      title: 'Appointment with Tom Baker moved',
      body: `Your video consultation with Tom Baker has moved to ${IST_TIME}.`,
    });

    const cancelled = await publish(AppointmentEventTypes.cancelled, {
      ...moved,
      status: 'cancelled',
      cancellationReason: 'Feeling better',
    });
    expect((await notificationsFrom(patient, cancelled))[0]).toMatchObject({
      title: 'Appointment with Dr. Meera Iyer cancelled',
      body: `Your video consultation with Dr. Meera Iyer (Cardiology) on ${NEW_YORK_TIME} was cancelled. Reason given: Feeling better`,
    });
    expect((await notificationsFrom(doctor, cancelled))[0].body).toContain(`with Tom Baker on ${IST_TIME}`);
  });

  it('an issued prescription tells its patient, and only them', async () => {
    const doctor = profiles.doctor('Ravi Kumar', 'General Medicine');
    const patient = profiles.patient('Priya Nair');
    const prescription: PrescriptionView = {
      id: randomUUID(),
      appointmentId: randomUUID(),
      doctorId: doctor.id,
      patientId: patient.id,
      doctor: {
        id: doctor.id,
        fullName: doctor.fullName,
        specialization: doctor.specialization,
        licenseNumber: 'KMC-1',
      },
      patient: { id: patient.id, fullName: patient.fullName },
      items: [
        { drug: 'Amoxicillin', dose: '500 mg', frequency: '1-0-1', durationDays: 5 },
        { drug: 'Paracetamol', dose: '650 mg', frequency: 'SOS', durationDays: 3 },
      ],
      version: 1,
      verificationCode: 'ABCDEFGHJKMN',
      issuedAt: START.toISOString(),
    };
    const event = await publish(PrescriptionEventTypes.issued, prescription);

    const [notification] = await notificationsFrom(patient, event);
    expect(notification).toMatchObject({
      kind: 'prescription',
      title: 'New prescription from Dr. Ravi Kumar',
      body: `Dr. Ravi Kumar issued a prescription for Priya Nair (2 medicines) on ${IST_TIME}. Open it in Arogyam to read or download it.`,
      data: { prescriptionId: prescription.id, appointmentId: prescription.appointmentId },
    });
    await waitFor(async () => (await emails(patient)).length === 1);
    expect((await inbox(doctor)).total).toBe(0);
    expect(await emails(doctor)).toEqual([]);
  });

  it('a missed video call tells the patient how to join still; other call records tell no one', async () => {
    const doctor = profiles.doctor('Ravi Kumar', 'General Medicine');
    const patient = profiles.patient('Priya Nair');
    const recordOf = (outcome: 'missed' | 'completed'): AppointmentCallRecordedPayload => ({
      appointmentId: randomUUID(),
      doctor: { id: doctor.id, fullName: doctor.fullName, specialization: doctor.specialization },
      patient: { id: patient.id, fullName: patient.fullName },
      startAt: START.toISOString(),
      endAt: new Date(START.getTime() + 30 * 60_000).toISOString(),
      call: {
        id: randomUUID(),
        outcome,
        ringingAt: START.toISOString(),
        endedAt: START.toISOString(),
        durationSeconds: 0,
        joined: ['doctor'],
      },
    });
    const completed = await publish(AppointmentCallEventTypes.callRecorded, recordOf('completed'));
    const missed = recordOf('missed');
    const event = await publish(AppointmentCallEventTypes.callRecorded, missed);

    const [notification] = await notificationsFrom(patient, event);
    expect(notification).toMatchObject({
      kind: 'appointment',
      title: 'Missed video call from Dr. Ravi Kumar',
      body:
        `Dr. Ravi Kumar called you at ${IST_TIME} for your video consultation and could not reach you. ` +
        'You can still join: open the appointment in Arogyam and choose Join video visit; the doctor will admit you.',
      data: { appointmentId: missed.appointmentId },
    });
    expect((await inbox(patient)).items.some((item) => item.id.startsWith(`${completed.id}:`))).toBe(false);
    expect((await inbox(doctor)).total).toBe(0);
  });

  it('a chat message: "New message from <name>" in-app to its recipients; email only once they ask for it', async () => {
    const doctor = profiles.doctor('Meera Iyer');
    const patient = profiles.patient('Asha Rao');
    const message = (body: string): ChatMessageCreatedPayload => ({
      id: randomUUID(),
      roomId: 'room-1',
      senderId: doctor.id,
      body,
      createdAt: clock.now().toISOString(),
      recipientIds: [patient.id],
    });

    const first = await publish(ChatEventTypes.messageCreated, message('Please  send your latest\nreport.'));
    expect((await notificationsFrom(patient, first))[0]).toMatchObject({
      kind: 'chat',
      title: 'New message from Dr. Meera Iyer',
      body: 'Please send your latest report.',
      data: { roomId: 'room-1', messageId: first.payload.id },
    });
    await waitFor(
      () => realtime.to(patient.id).some((item) => item.id === `${first.id}:${patient.id}:inApp`),
      5000,
      'the realtime push',
    );

    await setPreferences(patient, { email: { chat: true } });
    const second = await publish(ChatEventTypes.messageCreated, message('Your HbA1c is 6.1'));
    await notificationsFrom(patient, second);
    const chatEmails = await waitFor(async () => {
      const found = (await emails(patient)).filter((email) => email.subject.startsWith('New message'));
      return found.length > 0 ? found : undefined;
    });
    // Only the second message was emailed, and without its words.
    expect(chatEmails).toHaveLength(1);
    expect(chatEmails[0].id).toBe(`${second.id}:${patient.id}:email`);
    expect(chatEmails[0].text).toContain('Dr. Meera Iyer sent you a message in Arogyam.');
    expect(chatEmails[0].text).not.toContain('HbA1c');
    // A link to the room in the reader's own app (the patient's here).
    expect(chatEmails[0].text).toMatch(/Open it in Arogyam: \S+:5173\/messages\/room-1\n/);
    expect((await inbox(doctor)).total).toBe(0);
  });

  it('preferences decide email and SMS per kind; in-app is always on', async () => {
    const doctor = profiles.doctor('Sunil Rao');
    const patient = profiles.patient('Gita Sen', '9845011111');
    await setPreferences(patient, { email: { appointment: false }, sms: { appointment: true } });
    const event = await publish(AppointmentEventTypes.booked, appointmentBetween(doctor, patient, START));

    await notificationsFrom(patient, event);
    const [sms] = await waitFor(async () => {
      const found = await texts('9845011111');
      return found.length > 0 ? found : undefined;
    });
    expect(sms).toMatchObject({
      id: `${event.id}:${patient.id}:sms`,
      text: 'Arogyam: video consultation with Dr. Sunil Rao booked for Tue 1 Dec, 10:00 am IST.',
    });
    await waitFor(async () => (await emails(doctor)).length === 1, 10000, "the doctor's email");
    expect(await emails(patient)).toEqual([]);
  });

  it('a profile service that is down delays the email, it does not lose it', async () => {
    const doctor = profiles.doctor('Anil Shah');
    const patient = profiles.patient('Mohan Lal');
    await profiles.pause();
    try {
      const event = await publish(AppointmentEventTypes.booked, appointmentBetween(doctor, patient, START));
      // In-app needs no contact details; email waits for the event's redelivery.
      await notificationsFrom(patient, event);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await emails(patient)).toEqual([]);
    } finally {
      await profiles.start();
    }
    await waitFor(async () => (await emails(patient)).length === 1, 15000, 'the email after the retry');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await emails(patient)).toHaveLength(1);
    expect(await emails(doctor)).toHaveLength(1);
  });

  it('a malformed event is logged and skipped, not retried forever', async () => {
    const doctor = profiles.doctor('Vikram Joshi');
    const patient = profiles.patient('Sara Thomas');
    await publish(AppointmentEventTypes.booked, { id: 'broken' });
    const after = await publish(AppointmentEventTypes.booked, appointmentBetween(doctor, patient, START));
    await notificationsFrom(patient, after);
  });

  describe('inbox', () => {
    let patient: TestPerson;
    let ids: string[];

    beforeAll(async () => {
      const doctor = profiles.doctor('Meera Iyer');
      patient = profiles.patient('Inbox Owner');
      ids = [];
      for (const hour of [1, 2, 3]) {
        clock.advance(60_000);
        const event = await publish(
          AppointmentEventTypes.booked,
          appointmentBetween(doctor, patient, new Date(START.getTime() + hour * 3_600_000)),
        );
        ids.unshift((await notificationsFrom(patient, event))[0].id);
      }
    });

    it('lists the newest first with total and unread count, page by page', async () => {
      const page = await inbox(patient, { limit: 2 });
      expect(page).toMatchObject({ total: 3, unreadCount: 3, page: 1, limit: 2 });
      expect(page.items.map((item) => item.id)).toEqual(ids.slice(0, 2));
      expect((await inbox(patient, { page: 2, limit: 2 })).items.map((item) => item.id)).toEqual([ids[2]]);
    });

    it('marks one read, once; unreadOnly then leaves it out', async () => {
      const read = await service.rpc.send<NotificationView>(NotificationSubjects.readInbox, {
        actor: actor(patient),
        notificationId: ids[1],
      });
      expect(read).toMatchObject({ id: ids[1], read: true, readAt: clock.now().toISOString() });
      // The unread queries' equality key is set in the same write as `readAt`, with the sweep's hour.
      const stored = (id: string) => service.db.collection('notifications').findOne({ _id: id } as object);
      expect(await stored(ids[1])).toMatchObject({
        read: true,
        readAt: clock.now(),
        markedReadHour: utcHour(clock.now()),
      });
      expect(await stored(ids[0])).toMatchObject({ read: false });
      expect(await stored(ids[0])).not.toHaveProperty('readAt');
      clock.advance(60_000);
      const again = await service.rpc.send<NotificationView>(NotificationSubjects.readInbox, {
        actor: actor(patient),
        notificationId: ids[1],
      });
      expect(again.readAt).toBe(read.readAt);
      expect(await stored(ids[1])).toMatchObject({ read: true, readAt: new Date(read.readAt!) });

      const unread = await inbox(patient, { unreadOnly: true });
      expect(unread).toMatchObject({ total: 2, unreadCount: 2 });
      expect(unread.items.map((item) => item.id)).toEqual([ids[0], ids[2]]);
      expect(await inbox(patient)).toMatchObject({ total: 3, unreadCount: 2 });
    });

    it("another user's notification, or an unknown one, is not found", async () => {
      const stranger = profiles.patient('Someone Else');
      for (const notificationId of [ids[0], 'no-such-notification']) {
        const failure = await rpcFailure(
          service.rpc.send(NotificationSubjects.readInbox, { actor: actor(stranger), notificationId }),
        );
        expect(failure.statusCode).toBe(404);
      }
      expect((await inbox(patient)).items[0].read).toBe(false);
    });

    it('rejects a malformed query', async () => {
      const failure = await rpcFailure(inbox(patient, { limit: 500 }));
      expect(failure).toMatchObject({
        statusCode: 400,
        details: [expect.objectContaining({ field: 'query.limit' })],
      });
    });
  });

  describe('preferences', () => {
    it('answer the defaults until the user chooses', async () => {
      const user = profiles.patient('New User');
      expect(await service.rpc.send(NotificationSubjects.getPreferences, { actor: actor(user) })).toEqual({
        timezone: 'Asia/Kolkata',
        email: { appointment: true, reminder: true, prescription: true, chat: false },
        sms: { appointment: false, reminder: true, prescription: false, chat: false },
      });
    });

    it('change what is given and keep the rest', async () => {
      const user = profiles.doctor('Pref Doctor');
      await setPreferences(user, { timezone: 'Europe/London', sms: { reminder: false } });
      const updated = await setPreferences(user, { email: { chat: true } });
      expect(updated).toEqual({
        timezone: 'Europe/London',
        email: { appointment: true, reminder: true, prescription: true, chat: true },
        sms: { appointment: false, reminder: false, prescription: false, chat: false },
      });
      expect(await service.rpc.send(NotificationSubjects.getPreferences, { actor: actor(user) })).toEqual(
        updated,
      );
    });

    it('refuse an unknown time zone, kind or field', async () => {
      const user = profiles.patient('Picky User');
      for (const body of [
        { timezone: 'Mars/Olympus' },
        { email: { newsletter: true } },
        { push: true },
        { sms: { chat: 'yes' } },
      ]) {
        expect((await rpcFailure(setPreferences(user, body))).statusCode).toBe(400);
      }
    });
  });

  it('writes to a patient who chose Hindi in Hindi, the doctor still in English; an older choice arriving late changes nothing', async () => {
    const doctor = profiles.doctor('Meera Iyer');
    const patient = profiles.patient('Asha Rao');
    const choice = (language: 'en' | 'hi') => ({ userId: patient.id, role: 'patient', language });
    await service.events.publish(eventAt(clock, UserEventTypes.languageChanged, choice('hi')));
    const earlier = eventAt(clock, UserEventTypes.languageChanged, choice('en'));
    await service.events.publish({
      ...earlier,
      occurredAt: new Date(clock.now().getTime() - 60_000).toISOString(),
    });
    const event = await publish(AppointmentEventTypes.booked, appointmentBetween(doctor, patient, START));

    const [toPatient] = await notificationsFrom(patient, event);
    expect(toPatient.title).toBe('Dr. Meera Iyer के साथ अपॉइंटमेंट बुक हुआ');
    expect(toPatient.body).toBe(
      'Dr. Meera Iyer (Cardiology) के साथ आपका वीडियो परामर्श मंगलवार, 1 दिसंबर 2026, 10:00 am IST के लिए बुक हो गया है।',
    );
    const [toDoctor] = await notificationsFrom(doctor, event);
    expect(toDoctor.title).toBe('New appointment with Asha Rao');
    await waitFor(async () => (await emails(patient)).length === 1);
    const [email] = await emails(patient);
    expect(email.subject).toBe('Dr. Meera Iyer के साथ अपॉइंटमेंट बुक हुआ');
    expect(email.text).toContain('नमस्ते Asha Rao,');
    expect(email.text).toContain('— आरोग्यम');
  });

  describe("the copy of each person's contact", () => {
    /** What user-service announces at registration: the patient's profile fields (their phone) with it. */
    const register = (person: TestPerson, at = clock.now()) =>
      service.events.publish({
        ...eventAt(clock, UserEventTypes.registered, {
          userId: person.id,
          role: person.role,
          email: person.email,
          fullName: person.fullName,
          profile: person.phone ? { phone: person.phone } : {},
        }),
        occurredAt: at.toISOString(),
      });
    const minutesAgo = (minutes: number) => new Date(clock.now().getTime() - minutes * 60_000);
    const copyOf = async (person: TestPerson) =>
      (await service.db.collection('preferences').findOne({ _id: person.id } as object))?.contact as
        Record<string, unknown> | undefined;
    const copied = (person: TestPerson, check: (copy: Record<string, unknown>) => boolean) =>
      waitFor(
        async () => {
          const copy = await copyOf(person);
          return copy && check(copy) ? copy : undefined;
        },
        10000,
        `the contact copy of ${person.fullName}`,
      );
    const exportedContact = (person: TestPerson) =>
      service.rpc.send<PatientDataPage>(PatientDataSubjects.notification, {
        actor: actor(person),
        section: 'contact',
      });
    /** Runs `during` while doctor- and patient-service answer nothing. */
    const withProfileServicesDown = async (during: () => Promise<void>) => {
      await profiles.pause();
      try {
        await during();
      } finally {
        await profiles.start();
      }
    };

    it('is made from user.registered and used without asking the profile services', async () => {
      const doctor = profiles.doctor('Copy Doctor');
      const patient = profiles.patient('Copy Patient', '+91 98450 70001');
      await setPreferences(patient, { sms: { appointment: true } });
      await register(doctor);
      await register(patient);
      expect(await copied(patient, (copy) => Boolean(copy.phoneAt))).toMatchObject({
        role: 'patient',
        fullName: 'Copy Patient',
        email: patient.email,
        phone: '+91 98450 70001',
      });
      expect(await copied(doctor, (copy) => Boolean(copy.emailAt))).toMatchObject({
        role: 'doctor',
        fullName: 'Copy Doctor',
        email: doctor.email,
      });

      await withProfileServicesDown(async () => {
        await publish(AppointmentEventTypes.booked, appointmentBetween(doctor, patient, START));
        await waitFor(async () => (await emails(patient)).length === 1, 10000, "the patient's email");
        await waitFor(async () => (await emails(doctor)).length === 1, 10000, "the doctor's email");
        await waitFor(async () => (await texts('+91 98450 70001')).length === 1, 10000, "the patient's SMS");
      });
      expect((await emails(doctor))[0].text).toContain('Hello Dr. Copy Doctor,');
      // The patient's data export holds the copy.
      expect(await exportedContact(patient)).toEqual({
        items: [{ fullName: 'Copy Patient', email: patient.email, phone: '+91 98450 70001' }],
      });
    });

    it('follows renames and phone changes, the latest by event time winning in whatever order they arrive', async () => {
      const doctor = profiles.doctor('Order Doctor');
      const patient = profiles.patient('Order Patient', '+91 98450 70002');
      await setPreferences(patient, { sms: { appointment: true } });
      await register(doctor);
      // The newer rename and number arrive first; the registration and older changes after them.
      await service.events.publish({
        ...eventAt(clock, ProfileEventTypes.patientRenamed, {
          userId: patient.id,
          fullName: 'Order Renamed',
        }),
        occurredAt: minutesAgo(1).toISOString(),
      });
      await service.events.publish({
        ...eventAt(clock, PatientContactEventTypes.phoneChanged, {
          userId: patient.id,
          phone: '+91 98450 70003',
        }),
        occurredAt: minutesAgo(1).toISOString(),
      });
      await register(patient, minutesAgo(10));
      await service.events.publish({
        ...eventAt(clock, ProfileEventTypes.patientRenamed, { userId: patient.id, fullName: 'Order Older' }),
        occurredAt: minutesAgo(5).toISOString(),
      });
      await service.events.publish({
        ...eventAt(clock, PatientContactEventTypes.phoneChanged, { userId: patient.id, phone: null }),
        occurredAt: minutesAgo(5).toISOString(),
      });
      const marker = profiles.patient('Order Marker');
      await register(marker);
      // One consumer handles events in stream order: once the later one is in, all of the above were.
      await copied(marker, (copy) => Boolean(copy.phoneAt));
      expect(await copyOf(patient)).toMatchObject({
        fullName: 'Order Renamed',
        email: patient.email,
        phone: '+91 98450 70003',
      });

      await withProfileServicesDown(async () => {
        await publish(AppointmentEventTypes.booked, appointmentBetween(doctor, patient, START));
        await waitFor(
          async () => (await texts('+91 98450 70003')).length === 1,
          10000,
          'the SMS to the new number',
        );
        await waitFor(async () => (await emails(patient)).length === 1, 10000, "the patient's email");
      });
      expect((await emails(patient))[0].text).toContain('Hello Order Patient,'); // the event's own name first
      expect(await texts('+91 98450 70002')).toEqual([]);

      // A newer clearing of the number: no SMS from then on.
      await publish(PatientContactEventTypes.phoneChanged, { userId: patient.id, phone: null });
      await copied(patient, (copy) => !('phone' in copy));
      await withProfileServicesDown(async () => {
        await publish(AppointmentEventTypes.cancelled, appointmentBetween(doctor, patient, START));
        await waitFor(async () => (await emails(patient)).length === 2, 10000, "the patient's second email");
      });
      expect(await texts('+91 98450 70003')).toHaveLength(1);
    });

    it('of someone registered before it was kept is asked once, then kept', async () => {
      const doctor = profiles.doctor('Legacy Doctor');
      const patient = profiles.patient('Legacy Patient', '+91 98450 70004');
      await publish(AppointmentEventTypes.booked, appointmentBetween(doctor, patient, START));
      await waitFor(async () => (await emails(patient)).length === 1, 10000, "the patient's email");
      expect(await copied(patient, (copy) => Boolean(copy.phoneAt))).toMatchObject({
        role: 'patient',
        email: patient.email,
        phone: '+91 98450 70004',
      });
      await copied(doctor, (copy) => copy.email === doctor.email);

      await withProfileServicesDown(async () => {
        await publish(AppointmentEventTypes.cancelled, appointmentBetween(doctor, patient, START));
        await waitFor(async () => (await emails(patient)).length === 2, 10000, "the patient's second email");
        await waitFor(async () => (await emails(doctor)).length === 2, 10000, "the doctor's second email");
      });
    });

    it("goes with the patient's erasure", async () => {
      const patient = profiles.patient('Erased Patient', '+91 98450 70005');
      await register(patient);
      await copied(patient, (copy) => Boolean(copy.phoneAt));
      await publish(UserEventTypes.erased, {
        userId: patient.id,
        role: 'patient',
        erasedAt: clock.now().toISOString(),
      });
      await waitFor(async () => (await copyOf(patient)) === undefined, 10000, 'the copy erased');
      expect(await exportedContact(patient)).toEqual({ items: [] });
    });
  });
});
