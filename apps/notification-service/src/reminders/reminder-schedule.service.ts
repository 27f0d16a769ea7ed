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
    await this.reminders.deleteMany({ appointmentId: appointment.id }).exec();
  }

  /**
   * Upserts the reminder unless a newer event already wrote it: then the filter misses, the upsert
   * tries to insert the taken `_id` and the duplicate key says "newer state present".
   */
  private async writeIfNewer(id: string, occurredAt: Date, fields: Omit<Reminder, '_id' | 'eventAt'>) {
    try {
      await this.reminders
        .updateOne(
          { _id: id, eventAt: { $lt: occurredAt } },
          { $set: { ...fields, eventAt: occurredAt } },
          { upsert: true, runValidators: true },
        )
        .exec();
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
}
