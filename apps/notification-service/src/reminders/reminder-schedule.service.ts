import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { AppointmentView } from '@arogyam/contracts';
import { isDuplicateKey } from '@arogyam/contracts';
import { AppointmentCancellation } from './appointment-cancellation.schema';
import { LEAD_WINDOWS, REMINDER_LEADS, type ReminderLead } from './reminder-leads';
import { Reminder } from './reminder.schema';

/** What a change of an appointment is, as far as reminders care. */
export interface AppointmentChangeFact {
  eventId: string;
  occurredAt: Date;
  appointment: AppointmentView;
}

/** Attempts of one write that keep losing races before the event is given back for redelivery. */
const MAX_WRITE_ATTEMPTS = 5;

export const reminderId = (appointmentId: string, lead: ReminderLead): string => `${appointmentId}:${lead}`;

/**
 * Keeps the `reminders` collection in step with appointment events: booked and rescheduled write
 * both reminders of the appointment (replacing what an earlier event wrote), cancelled records
 * the cancellation and removes them. Every write is idempotent and ordered by the event's time,
 * so redelivered and late events change nothing.
 */
@Injectable()
export class ReminderSchedule {
  constructor(
    @InjectModel(Reminder.name) private readonly reminders: Model<Reminder>,
    @InjectModel(AppointmentCancellation.name)
    private readonly cancellations: Model<AppointmentCancellation>,
  ) {}

  async schedule({ eventId, occurredAt, appointment }: AppointmentChangeFact): Promise<void> {
    if (await this.cancellations.exists({ _id: appointment.id }).exec()) return;
    const startAt = new Date(appointment.startAt);
    await Promise.all(
      REMINDER_LEADS.map((lead) => {
        const { dueBeforeMs, expiresBeforeMs } = LEAD_WINDOWS[lead];
        const dueAt = new Date(startAt.getTime() - dueBeforeMs);
        return this.writeIfNewer(reminderId(appointment.id, lead), occurredAt, {
          appointmentId: appointment.id,
          lead,
          startAt,
          dueAt,
          expiresAt: new Date(startAt.getTime() - expiresBeforeMs),
          // Booked (or moved) after this reminder would have been due: the booking itself said it.
          active: dueAt.getTime() > occurredAt.getTime(),
          appointment: {
            id: appointment.id,
            doctor: {
              id: appointment.doctor.id,
              fullName: appointment.doctor.fullName,
              specialization: appointment.doctor.specialization,
            },
            patient: { id: appointment.patient.id, fullName: appointment.patient.fullName },
            startAt: appointment.startAt,
            mode: appointment.mode,
          },
          eventId,
        });
      }),
    );
  }

  async cancel({ eventId, occurredAt, appointment }: AppointmentChangeFact): Promise<void> {
    try {
      await this.cancellations.create({
        _id: appointment.id,
        startAt: new Date(appointment.startAt),
        eventId,
        cancelledAt: occurredAt,
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    // One delete by `_id` per lead: FerretDB scans the collection for any other filter.
    await Promise.all(
      REMINDER_LEADS.map((lead) =>
        this.reminders.deleteOne({ _id: reminderId(appointment.id, lead) }).exec(),
      ),
    );
  }

  /**
   * Writes the reminder unless an event as new or newer wrote it. Reads by `_id` alone, the only
   * filter FerretDB 1.24 pushes down to SQLite (any other reads the whole collection): absent, it
   * is inserted; as new or newer, left alone. An older one is replaced by a compare-and-set on the
   * `eventAt` read (that filter scans on FerretDB, but only a reschedule gets here). A lost race
   * (the `_id` taken, the compare-and-set missing) reads again. Atomic on MongoDB; on FerretDB the
   * compare-and-set is a read then a write, so two instances replacing it at once can both win.
   */
  private async writeIfNewer(
    id: string,
    occurredAt: Date,
    fields: Omit<Reminder, '_id' | 'eventAt'>,
  ): Promise<void> {
    const state = { ...fields, eventAt: occurredAt };
    for (let attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
      const stored = await this.reminders
        .findById(id, { eventAt: 1 })
        .lean<Pick<Reminder, 'eventAt'>>()
        .exec();
      if (!stored) {
        try {
          await this.reminders.create({ _id: id, ...state });
          return;
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
          continue;
        }
      }
      if (stored.eventAt.getTime() >= occurredAt.getTime()) return;
      const { matchedCount } = await this.reminders
        .updateOne({ _id: id, eventAt: stored.eventAt }, { $set: state }, { runValidators: true })
        .exec();
      if (matchedCount > 0) return;
    }
    // Naks the event: its redelivery tries again.
    throw new Error(`Reminder ${id} changed under every one of ${MAX_WRITE_ATTEMPTS} attempts to write it`);
  }
}
