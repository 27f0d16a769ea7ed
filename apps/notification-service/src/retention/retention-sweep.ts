import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Clock } from '../clock/clock';
import { PeriodicRounds } from '../clock/periodic-rounds';
import { NotificationServiceConfig } from '../config/notification-service.config';
import { Notification } from '../notifications/notification.schema';
import { AppointmentCancellation } from '../reminders/appointment-cancellation.schema';
import { ReminderClaim } from '../reminders/reminder-claim.schema';
import { Reminder } from '../reminders/reminder.schema';

const DAY_MS = 24 * 60 * 60_000;
/**
 * Reminders, their claims and cancellations only matter until the appointment starts; a week on,
 * no event about it can still arrive (the stream keeps 7 days), so they go.
 */
export const APPOINTMENT_BOOKKEEPING_DAYS = 7;

/**
 * Deletes what is past its retention, every RETENTION_SWEEP_SECONDS on every instance (the deletes
 * are idempotent, so instances need no coordination), by the service's clock:
 * - read in-app notifications made more than NOTIFICATION_RETENTION_DAYS ago (unread ones stay
 *   until read: they are news the user has not seen);
 * - email and SMS records as old: they never show in the inbox, and their only other use, the
 *   idempotency key against a redelivered event, ends with the stream's 7 days;
 * - reminders, reminder claims and cancellations of appointments that started over a week ago.
 * FerretDB has no TTL indexes, hence the sweep.
 */
@Injectable()
export class RetentionSweep implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RetentionSweep.name);
  private readonly rounds = new PeriodicRounds('Retention sweep', () => this.deleteExpired(), this.logger);

  constructor(
    @InjectModel(Notification.name) private readonly notifications: Model<Notification>,
    @InjectModel(Reminder.name) private readonly reminders: Model<Reminder>,
    @InjectModel(ReminderClaim.name) private readonly claims: Model<ReminderClaim>,
    @InjectModel(AppointmentCancellation.name)
    private readonly cancellations: Model<AppointmentCancellation>,
    private readonly clock: Clock,
    private readonly config: NotificationServiceConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.rounds.start(this.config.RETENTION_SWEEP_SECONDS);
  }

  onModuleDestroy(): Promise<void> {
    return this.rounds.stop();
  }

  private async deleteExpired(): Promise<void> {
    const now = this.clock.now().getTime();
    const madeBefore = { $lt: new Date(now - this.config.NOTIFICATION_RETENTION_DAYS * DAY_MS) };
    const startedBefore = { startAt: { $lt: new Date(now - APPOINTMENT_BOOKKEEPING_DAYS * DAY_MS) } };
    const deleted = await Promise.all([
      this.notifications
        .deleteMany({ channel: 'inApp', readAt: { $exists: true }, createdAt: madeBefore })
        .exec(),
      this.notifications.deleteMany({ channel: { $in: ['email', 'sms'] }, createdAt: madeBefore }).exec(),
      this.reminders.deleteMany(startedBefore).exec(),
      this.claims.deleteMany(startedBefore).exec(),
      this.cancellations.deleteMany(startedBefore).exec(),
    ]);
    const total = deleted.reduce((sum, result) => sum + result.deletedCount, 0);
    if (total > 0) this.logger.log(`Deleted ${total} document(s) past their retention`);
  }
}
