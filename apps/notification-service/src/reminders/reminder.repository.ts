import { Injectable } from '@nestjs/common';
import { InjectModel, type ModelDefinition } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKey } from '@arogyam/contracts';
import { insertEachOnce, utcHour, utcHoursBetween } from '@arogyam/persistence';
import { bookkeepingSweepHour } from '../retention/bookkeeping-hours';
import { LEAD_WINDOWS, REMINDER_LEADS, type ReminderLead } from './reminder-leads';
import { Reminder, ReminderSchema } from './reminder.schema';

// The poller's question (`dueAt`): the active reminders of one lead, by the UTC hours they fell due in.
ReminderSchema.index({ active: 1, lead: 1, dueHour: 1 });
// The retention sweep (`deleteStartedBefore`). A single reminder is read, written and removed by `_id`.
ReminderSchema.index({ sweepHour: 1 });

export const reminderModel: ModelDefinition = { name: Reminder.name, schema: ReminderSchema };

/** A reminder as the schedule decides it; its time buckets follow from its times. */
export type ReminderState = Omit<Reminder, '_id' | 'dueHour' | 'sweepHour'>;

export const reminderId = (appointmentId: string, lead: ReminderLead): string => `${appointmentId}:${lead}`;

/**
 * How long a reminder of each lead stays worth sending after it falls due (`dueAt` to
 * `expiresAt`): 23 h 45 min for the 24-hour one, 15 min for the 15-minute one. A reminder that fell
 * due longer ago than that has expired, so the poller's look-back of exactly this long misses
 * nothing, however long the service was down.
 */
const SENDABLE_MS: Record<ReminderLead, number> = Object.fromEntries(
  REMINDER_LEADS.map((lead) => [lead, LEAD_WINDOWS[lead].dueBeforeMs - LEAD_WINDOWS[lead].expiresBeforeMs]),
) as Record<ReminderLead, number>;

/** Every read and write of `reminders`. */
@Injectable()
export class ReminderRepository {
  constructor(@InjectModel(Reminder.name) private readonly reminders: Model<Reminder>) {}

  findById(id: string): Promise<Reminder | null> {
    return this.reminders.findById(id).lean<Reminder>().exec();
  }

  /** When the event that wrote the stored reminder happened, or undefined when there is none. */
  async eventAtOf(id: string): Promise<Date | undefined> {
    const stored = await this.reminders.findById(id, { eventAt: 1 }).lean<Pick<Reminder, 'eventAt'>>().exec();
    return stored?.eventAt;
  }

  /** Inserts the reminder; false when one with its `_id` exists (another event wrote it first). */
  async insert(id: string, state: ReminderState, writtenAt: Date): Promise<boolean> {
    try {
      await this.reminders.create({ _id: id, ...withBuckets(state, writtenAt) });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** Inserts each reminder in one write; answers the ids stored (the others exist already). */
  insertEach(reminders: { id: string; state: ReminderState }[], writtenAt: Date): Promise<Set<string>> {
    return insertEachOnce(
      this.reminders,
      reminders.map(({ id, state }) => ({ _id: id, ...withBuckets(state, writtenAt) })),
    );
  }

  /**
   * Replaces the reminder's state if it is still the one the event at `storedEventAt` wrote (a
   * compare-and-set, atomic on both databases); false when another write got there first.
   */
  async replaceIfFrom(
    id: string,
    storedEventAt: Date,
    state: ReminderState,
    writtenAt: Date,
  ): Promise<boolean> {
    const { matchedCount } = await this.reminders
      .updateOne(
        { _id: id, eventAt: storedEventAt },
        { $set: withBuckets(state, writtenAt) },
        { runValidators: true },
      )
      .exec();
    return matchedCount > 0;
  }

  /** Removes every reminder of the appointment. */
  async deleteOfAppointment(appointmentId: string): Promise<void> {
    const ids = REMINDER_LEADS.map((lead) => reminderId(appointmentId, lead));
    await this.reminders.deleteMany({ _id: { $in: ids } }).exec();
  }

  /**
   * The active reminders due at `now` and not yet expired. Per lead, `$in` the UTC hours from its
   * longest sendable span ago to now (about 25 for the 24-hour reminder, 2 for the 15-minute one):
   * the reminders that fell due in the last day, never the collection; the instants decide exactly.
   */
  async dueAt(now: Date): Promise<Reminder[]> {
    const justAfter = new Date(now.getTime() + 1);
    const perLead = await Promise.all(
      REMINDER_LEADS.map((lead) =>
        this.reminders
          .find({
            active: true,
            lead,
            dueHour: { $in: utcHoursBetween(new Date(now.getTime() - SENDABLE_MS[lead]), justAfter) },
            dueAt: { $lte: now },
            expiresAt: { $gt: now },
          })
          .lean<Reminder[]>()
          .exec(),
      ),
    );
    return perLead.flat();
  }

  /** Deletes the reminders of appointments that started before `cutoff`, among those swept under `hours`. */
  async deleteStartedBefore(cutoff: Date, hours: string[]): Promise<number> {
    if (hours.length === 0) return 0;
    const result = await this.reminders
      .deleteMany({ sweepHour: { $in: hours }, startAt: { $lt: cutoff } })
      .exec();
    return result.deletedCount;
  }
}

const withBuckets = (state: ReminderState, writtenAt: Date): Omit<Reminder, '_id'> => ({
  ...state,
  dueHour: utcHour(state.dueAt),
  sweepHour: bookkeepingSweepHour(state.startAt, writtenAt),
});
