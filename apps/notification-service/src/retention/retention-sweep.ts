import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { utcHoursBetween } from '@arogyam/persistence';
import { PeriodicRounds } from '@arogyam/service-kit';
import { Clock } from '../clock/clock';
import { NotificationServiceConfig } from '../config/notification-service.config';
import { NotificationRepository } from '../notifications/notification.repository';
import { AppointmentCancellationRepository } from '../reminders/appointment-cancellation.repository';
import { ReminderClaimRepository } from '../reminders/reminder-claim.repository';
import { ReminderRepository } from '../reminders/reminder.repository';
import { APPOINTMENT_BOOKKEEPING_MS } from './bookkeeping-hours';
import { RetentionSweepProgressRepository } from './retention-sweep-progress.repository';

const HOUR_MS = 60 * 60_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * A write whose hour was read from the clock just before a round began may land after the round's
 * delete (a notification marked read at that moment): every round reads from this long before
 * where the last one got.
 */
const IN_FLIGHT_MARGIN_MS = HOUR_MS;
/** Where a sweep that never completed a round (a new database) begins: a day before its cutoff. */
const FIRST_ROUND_REACH_MS = DAY_MS;
/** The most hours one delete names: after a long outage a round catches up a week per delete. */
const HOURS_PER_DELETE = 7 * 24;

/** One kind of expired data: deleted by the hours of its key instant, up to `until`. */
interface Sweep {
  /** Its progress document's `_id`. */
  name: string;
  /** This round deletes what it sweeps whose key instant lies before this. */
  until: Date;
  deleteIn(hours: string[]): Promise<number>;
}

/**
 * Deletes what is past its retention, every RETENTION_SWEEP_SECONDS on every instance (the deletes
 * are idempotent, so instances need no coordination), by the service's clock:
 * - read in-app notifications made more than NOTIFICATION_RETENTION_DAYS ago (unread ones stay
 *   until read: they are news the user has not seen);
 * - email and SMS records as old: they never show in the inbox, and their only other use, the
 *   idempotency key against a redelivered event, ends with the stream's 7 days;
 * - reminders, reminder claims and cancellations of appointments that started over a week ago.
 * FerretDB has no TTL indexes, hence the sweep. Each delete names UTC hours (`$in`, index-served)
 * beside the exact instant: the hours from where the sweep last got (`retentionSweeps`) to its
 * cutoff, so a round reads about what expired since the previous one, and after an outage of any
 * length (or a shorter retention) the next round catches up from where the last one stopped.
 */
@Injectable()
export class RetentionSweep implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RetentionSweep.name);
  private readonly rounds = new PeriodicRounds('Retention sweep', () => this.deleteExpired(), this.logger);

  constructor(
    private readonly notifications: NotificationRepository,
    private readonly reminders: ReminderRepository,
    private readonly claims: ReminderClaimRepository,
    private readonly cancellations: AppointmentCancellationRepository,
    private readonly progress: RetentionSweepProgressRepository,
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
    const now = this.clock.now();
    const madeBefore = new Date(now.getTime() - this.config.NOTIFICATION_RETENTION_DAYS * DAY_MS);
    const startedBefore = new Date(now.getTime() - APPOINTMENT_BOOKKEEPING_MS);
    const sweeps: Sweep[] = [
      {
        name: 'readNotifications',
        until: madeBefore,
        deleteIn: (hours) => this.notifications.deleteReadMadeBefore(madeBefore, hours),
      },
      {
        // Read only after they were old: found by the hour they were marked read, up to now.
        name: 'notificationsReadLate',
        until: now,
        deleteIn: (hours) => this.notifications.deleteReadLateMadeBefore(madeBefore, hours),
      },
      {
        name: 'emailAndSmsRecords',
        until: madeBefore,
        deleteIn: (hours) => this.notifications.deleteSentMadeBefore(madeBefore, hours),
      },
      {
        name: 'reminders',
        until: startedBefore,
        deleteIn: (hours) => this.reminders.deleteStartedBefore(startedBefore, hours),
      },
      {
        name: 'reminderClaims',
        until: startedBefore,
        deleteIn: (hours) => this.claims.deleteStartedBefore(startedBefore, hours),
      },
      {
        name: 'reminderCancellations',
        until: startedBefore,
        deleteIn: (hours) => this.cancellations.deleteStartedBefore(startedBefore, hours),
      },
    ];
    const deleted = await Promise.all(sweeps.map((sweep) => this.run(sweep)));
    const total = deleted.reduce((sum, count) => sum + count, 0);
    if (total > 0) this.logger.log(`Deleted ${total} document(s) past their retention`);
  }

  /** Deletes from where the sweep last got up to `until`, a week of hours at a time, then records it. */
  private async run(sweep: Sweep): Promise<number> {
    const reached =
      (await this.progress.sweptBefore(sweep.name)) ?? new Date(sweep.until.getTime() - FIRST_ROUND_REACH_MS);
    const hours = utcHoursBetween(new Date(reached.getTime() - IN_FLIGHT_MARGIN_MS), sweep.until);
    let deleted = 0;
    for (let first = 0; first < hours.length; first += HOURS_PER_DELETE) {
      deleted += await sweep.deleteIn(hours.slice(first, first + HOURS_PER_DELETE));
    }
    await this.progress.record(sweep.name, sweep.until);
    return deleted;
  }
}
