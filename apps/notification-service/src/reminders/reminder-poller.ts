import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { PeriodicRounds } from '@arogyam/service-kit';
import { failureSummary } from '@arogyam/messaging';
import { NotificationDispatcher } from '../channels/notification-dispatcher';
import type { Notice } from '../channels/notice';
import { Clock } from '../clock/clock';
import { AppLinks } from '../messages/app-links';
import { NotificationServiceConfig } from '../config/notification-service.config';
import { appointmentReminderMessage } from '../messages/appointment-messages';
import { appointmentParties } from '../recipients/appointment-parties';
import { AppointmentCancellationRepository } from './appointment-cancellation.repository';
import { ReminderClaimRepository } from './reminder-claim.repository';
import type { ReminderOutcome } from './reminder-claim.schema';
import { ReminderRepository } from './reminder.repository';
import type { Reminder } from './reminder.schema';

/** A claim not completed this long after it was taken is taken to be abandoned (a crash, an outage). */
const ABANDONED_CLAIM_MS = 2 * 60_000;

/** One occurrence of a reminder: the same reminder of a moved appointment is a new occurrence. */
export const occurrenceId = (reminder: Pick<Reminder, '_id' | 'startAt'>): string =>
  `${reminder._id}@${new Date(reminder.startAt).toISOString()}`;

/**
 * Every instance polls for reminders that fell due and races the others to claim each occurrence
 * by inserting its `_id` into `reminderDeliveries`; the one insert that succeeds sends it, so each
 * reminder goes out once across instances and restarts. Before sending, the claimer re-reads the
 * reminder and the appointment's cancellation, so a cancellation or move that arrived meanwhile
 * withdraws it. A claim whose sending failed half-way (SMTP down, a crash) is retried once it is
 * abandoned; each channel's own idempotency key keeps the retry from repeating what already went.
 */
@Injectable()
export class ReminderPoller implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ReminderPoller.name);
  private readonly rounds = new PeriodicRounds('Reminder round', () => this.sendDue(), this.logger);

  constructor(
    private readonly reminders: ReminderRepository,
    private readonly claims: ReminderClaimRepository,
    private readonly cancellations: AppointmentCancellationRepository,
    private readonly dispatcher: NotificationDispatcher,
    private readonly clock: Clock,
    private readonly config: NotificationServiceConfig,
    private readonly links: AppLinks,
  ) {}

  onApplicationBootstrap(): void {
    this.rounds.start(this.config.REMINDER_POLL_SECONDS);
  }

  onModuleDestroy(): Promise<void> {
    return this.rounds.stop();
  }

  private async sendDue(): Promise<void> {
    const now = this.clock.now();
    const due = await this.reminders.dueAt(now);
    if (due.length === 0) return;
    const claims = await this.claims.findOfOccurrences(due.map(occurrenceId));
    const claimed = new Map(claims.map((claim) => [claim._id, claim]));
    for (const reminder of due) {
      const claim = claimed.get(occurrenceId(reminder));
      if (claim?.completedAt) continue;
      if (claim && now.getTime() - new Date(claim.claimedAt).getTime() < ABANDONED_CLAIM_MS) continue;
      if (!claim && !(await this.claim(reminder, now))) continue;
      await this.send(reminder).catch((error: Error) =>
        this.logger.warn(
          `Reminder ${occurrenceId(reminder)} not (fully) sent, will retry: ${failureSummary(error)}`,
        ),
      );
    }
  }

  /** True when this instance's insert won the occurrence. */
  private claim(reminder: Reminder, now: Date): Promise<boolean> {
    return this.claims.claim({
      _id: occurrenceId(reminder),
      reminderId: reminder._id,
      startAt: reminder.startAt,
      claimedAt: now,
      claimedBy: this.config.INSTANCE_ID,
    });
  }

  private async send(reminder: Reminder): Promise<void> {
    const id = occurrenceId(reminder);
    const [current, cancelled] = await Promise.all([
      this.reminders.findById(reminder._id),
      this.cancellations.isCancelled(reminder.appointmentId),
    ]);
    const stillDue = current?.active && !cancelled && occurrenceId(current) === id;
    if (stillDue) await this.dispatcher.deliverAll(reminderNotices(current, id, this.links));
    const outcome: ReminderOutcome = stillDue ? 'sent' : 'withdrawn';
    await this.claims.complete(id, this.clock.now(), outcome);
  }
}

/** The reminder to each side of the appointment, in each reader's zone and language, with the page to join from. */
function reminderNotices(reminder: Reminder, occurrence: string, links: AppLinks): Notice[] {
  const { appointment } = reminder;
  return appointmentParties(appointment).map((party) => ({
    sourceId: occurrence,
    kind: 'reminder',
    recipient: party,
    data: { appointmentId: reminder.appointmentId },
    compose: (locale) => ({
      ...appointmentReminderMessage(reminder.lead, appointment, party.role, locale),
      link: links.appointment(party.role, reminder.appointmentId),
    }),
  }));
}
