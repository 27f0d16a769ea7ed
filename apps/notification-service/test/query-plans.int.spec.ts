import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { pageWindow, utcHoursBetween } from '@arogyam/persistence';
import { startServiceUnderTest, unindexedQueriesOf, type ServiceUnderTest } from '@arogyam/testing';
import { ChatReadPointerRepository } from '../src/chat-reads/chat-read-pointer.repository';
import { NotificationRepository } from '../src/notifications/notification.repository';
import { notificationService } from '../src/notification-service';
import { PreferencesRepository } from '../src/preferences/preferences.repository';
import { ContactCopyRepository } from '../src/recipients/contact-copy.repository';
import { AppointmentCancellationRepository } from '../src/reminders/appointment-cancellation.repository';
import { ReminderClaimRepository } from '../src/reminders/reminder-claim.repository';
import { ReminderRepository, type ReminderState } from '../src/reminders/reminder.repository';
import { RetentionSweepProgressRepository } from '../src/retention/retention-sweep-progress.repository';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Every query each repository of notification-service sends is served by an index (query-plans.ts). */
describe('notification-service query plans', () => {
  let service: ServiceUnderTest;
  let connection: Connection;
  let outbox: string;
  const now = new Date();
  /** A week of hours, as a retention round that catches up after an outage names them. */
  const aWeekOfHours = utcHoursBetween(new Date(now.getTime() - 7 * DAY_MS), now);

  beforeAll(async () => {
    outbox = mkdtempSync(join(tmpdir(), 'arogyam-outbox-'));
    // The rounds run once at start-up and then stay out of the way of what each test records.
    service = await startServiceUnderTest(notificationService, {
      SMTP_URL: 'dev',
      NOTIFICATION_OUTBOX_DIR: outbox,
      REMINDER_POLL_SECONDS: '3600',
      RETENTION_SWEEP_SECONDS: '86400',
    });
    connection = service.app.get<Connection>(getConnectionToken());
    // The declared indexes exist before any plan is asked for.
    await Promise.all(connection.modelNames().map((name) => connection.model(name).init()));
  });

  afterAll(async () => {
    await service?.stop();
    rmSync(outbox, { recursive: true, force: true });
  });

  it('serves every query of notifications from an index', async () => {
    const notifications = service.app.get(NotificationRepository);
    const userId = randomUUID();
    const inAppId = `${randomUUID()}:${userId}:inApp`;
    const chatId = `${randomUUID()}:${userId}:inApp`;
    const emailId = `${randomUUID()}:${userId}:email`;
    const unserved = await unindexedQueriesOf(connection, async () => {
      const made = { userId, sourceId: randomUUID(), title: 'Booked', body: 'Booked.', createdAt: now };
      const inApp = {
        ...made,
        _id: inAppId,
        channel: 'inApp',
        kind: 'appointment',
        data: {},
        status: 'stored',
      } as const;
      const chat = {
        ...made,
        _id: chatId,
        channel: 'inApp',
        kind: 'chat',
        data: { roomId: 'd1:p1', messageId: 'm1' },
        status: 'stored',
      } as const;
      const email = {
        ...made,
        _id: emailId,
        channel: 'email',
        kind: 'appointment',
        data: {},
        to: 'asha@example.test',
        status: 'sent',
      } as const;
      expect(await notifications.storeEachOnce([inApp])).toEqual(new Set([inAppId]));
      // A redelivered event's notices with new ones: the taken `_id` is not stored again.
      expect(await notifications.storeEachOnce([inApp, chat, email])).toEqual(new Set([chatId, emailId]));
      await notifications.markFailed(emailId, 'mailbox unavailable');
      await notifications.withdraw(emailId);
      await notifications.pageOfInbox(userId, false, pageWindow({}));
      await notifications.pageOfInbox(userId, true, pageWindow({}));
      await notifications.unreadCountOf(userId);
      await notifications.markReadOwn(userId, inAppId, now);
      await notifications.findOwn(userId, inAppId);
      await notifications.unreadChatOfRoom(userId, 'd1:p1');
      await notifications.markRead([chatId], now, now);
      const cutoff = new Date(now.getTime() - 90 * DAY_MS);
      await notifications.deleteReadMadeBefore(cutoff, aWeekOfHours);
      await notifications.deleteReadLateMadeBefore(cutoff, aWeekOfHours);
      await notifications.deleteSentMadeBefore(cutoff, aWeekOfHours);
    });
    expect(unserved).toEqual([]);
  });

  it('serves every query of preferences from an index', async () => {
    const preferences = service.app.get(PreferencesRepository);
    const userId = randomUUID();
    const unserved = await unindexedQueriesOf(connection, async () => {
      await preferences.findOfUser(userId);
      await preferences.findOfUsers([userId, randomUUID()]);
      await preferences.setChoices(userId, { timezone: 'Europe/London', 'sms.chat': true });
      // Both ways: onto an existing document, and the first write of a user with none.
      await preferences.setLanguage(userId, 'hi', new Date());
      await preferences.setLanguage(randomUUID(), 'hi', new Date());
      // The contact copy kept on the same documents.
      const contacts = service.app.get(ContactCopyRepository);
      await contacts.findOf(userId);
      const at = new Date();
      await contacts.setFields([
        { userId, role: 'patient', field: 'email', value: 'plans@mail.example', at },
        { userId, role: 'patient', field: 'phone', value: null, at },
        { userId: randomUUID(), role: 'doctor', field: 'fullName', value: 'Plans Doctor', at },
      ]);
    });
    expect(unserved).toEqual([]);
  });

  it('serves every query of reminders from an index', async () => {
    const reminders = service.app.get(ReminderRepository);
    const appointmentId = randomUUID();
    const startAt = new Date(now.getTime() + 2 * HOUR_MS);
    const state: ReminderState = {
      appointmentId,
      lead: '15m',
      startAt,
      dueAt: new Date(startAt.getTime() - 15 * 60_000),
      expiresAt: startAt,
      active: true,
      appointment: {
        id: appointmentId,
        doctor: { id: 'd1', fullName: 'Meera Iyer', specialization: 'Cardiology' },
        patient: { id: 'p1', fullName: 'Asha Rao' },
        startAt: startAt.toISOString(),
        mode: 'video',
      },
      eventId: randomUUID(),
      eventAt: now,
    };
    const id = `${appointmentId}:15m`;
    const unserved = await unindexedQueriesOf(connection, async () => {
      await reminders.eventAtOf(id);
      await reminders.insert(id, state, now);
      await reminders.replaceIfFrom(id, now, { ...state, eventAt: new Date(now.getTime() + 1) }, now);
      await reminders.findById(id);
      await reminders.dueAt(new Date(startAt.getTime() - 10 * 60_000));
      await reminders.deleteOfAppointment(appointmentId);
      await reminders.deleteStartedBefore(new Date(now.getTime() - 7 * DAY_MS), aWeekOfHours);
    });
    expect(unserved).toEqual([]);
  });

  it('serves every query of reminderDeliveries from an index', async () => {
    const claims = service.app.get(ReminderClaimRepository);
    const startAt = new Date(now.getTime() + DAY_MS);
    const occurrence = `${randomUUID()}:24h@${startAt.toISOString()}`;
    const unserved = await unindexedQueriesOf(connection, async () => {
      const claim = { _id: occurrence, reminderId: 'r1', startAt, claimedAt: now, claimedBy: 'first' };
      await claims.claim(claim);
      await claims.claim(claim);
      await claims.findOfOccurrences([occurrence, `${occurrence}-other`]);
      await claims.complete(occurrence, now, 'sent');
      await claims.deleteStartedBefore(new Date(now.getTime() - 7 * DAY_MS), aWeekOfHours);
    });
    expect(unserved).toEqual([]);
  });

  it('serves every query of reminderCancellations from an index', async () => {
    const cancellations = service.app.get(AppointmentCancellationRepository);
    const appointmentId = randomUUID();
    const unserved = await unindexedQueriesOf(connection, async () => {
      const cancellation = { _id: appointmentId, startAt: now, eventId: randomUUID(), cancelledAt: now };
      await cancellations.record(cancellation, now);
      await cancellations.record(cancellation, now);
      await cancellations.isCancelled(appointmentId);
      await cancellations.deleteStartedBefore(new Date(now.getTime() - 7 * DAY_MS), aWeekOfHours);
    });
    expect(unserved).toEqual([]);
  });

  it('serves every query of chatReadPointers from an index', async () => {
    const pointers = service.app.get(ChatReadPointerRepository);
    const roomId = `${randomUUID()}:${randomUUID()}`;
    const unserved = await unindexedQueriesOf(connection, async () => {
      const read = { roomId, userId: 'p1', messageId: 'm2', at: now.toISOString() };
      await pointers.moveForward(read);
      await pointers.moveForward({ ...read, messageId: 'm1' });
      await pointers.readersOf(roomId, 'm1', ['p1', 'd1']);
    });
    expect(unserved).toEqual([]);
  });

  it('serves every query of retentionSweeps from an index', async () => {
    const progress = service.app.get(RetentionSweepProgressRepository);
    const sweep = `test-${randomUUID()}`;
    const unserved = await unindexedQueriesOf(connection, async () => {
      await progress.sweptBefore(sweep);
      await progress.record(sweep, now);
      await progress.record(sweep, new Date(now.getTime() + HOUR_MS));
    });
    expect(unserved).toEqual([]);
  });
});
