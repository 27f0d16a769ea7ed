import { Injectable } from '@nestjs/common';
import type { AppointmentView } from '@arogyam/contracts';
import { Clock } from '../clock/clock';
import { AppointmentCancellationRepository } from './appointment-cancellation.repository';
import { LEAD_WINDOWS, REMINDER_LEADS } from './reminder-leads';
import { reminderId, ReminderRepository, type ReminderState } from './reminder.repository';

export { reminderId } from './reminder.repository';

/** What a change of an appointment is, as far as reminders care. */
export interface AppointmentChangeFact {
  eventId: string;
  occurredAt: Date;
  appointment: AppointmentView;
}

/** Attempts of one write that keep losing races before the event is given back for redelivery. */
const MAX_WRITE_ATTEMPTS = 5;

/**
 * Keeps the `reminders` collection in step with appointment events: booked and rescheduled write
 * both reminders of the appointment (replacing what an earlier event wrote), cancelled records
 * the cancellation and removes them. Every write is idempotent and ordered by the event's time,
 * so redelivered and late events change nothing. A booked or rescheduled event handled after the
 * appointment's cancellation (each type has its own consumer) still writes its reminders: they are
 * never sent, because the poller reads the cancellation before sending anything, and reading it
 * here too would cost every booking a statement for what is rare (docs/decisions.md, "Notifications").
 */
@Injectable()
export class ReminderSchedule {
  constructor(
    private readonly reminders: ReminderRepository,
    private readonly cancellations: AppointmentCancellationRepository,
    private readonly clock: Clock,
  ) {}

  /** Both reminders of each appointment, as of its event (several events' in one insert). */
  async schedule(facts: AppointmentChangeFact[]): Promise<void> {
    const reminders = facts.flatMap(remindersOf);
    // A booking's reminders do not exist yet: one insert of all is the whole write. Two events of
    // one appointment in a batch: the first is inserted, the other replaces it if newer.
    const firsts = new Map<string, ScheduledReminder>();
    for (const reminder of reminders) if (!firsts.has(reminder.id)) firsts.set(reminder.id, reminder);
    const inserted = await this.reminders.insertEach([...firsts.values()], this.clock.now());
    const written = new Set([...firsts.values()].filter(({ id }) => inserted.has(id)));
    for (const reminder of reminders)
      if (!written.has(reminder)) await this.replaceIfNewer(reminder.id, reminder.state);
  }

  async cancel({ eventId, occurredAt, appointment }: AppointmentChangeFact): Promise<void> {
    await this.cancellations.record(
      {
        _id: appointment.id,
        startAt: new Date(appointment.startAt),
        eventId,
        cancelledAt: occurredAt,
      },
      this.clock.now(),
    );
    await this.reminders.deleteOfAppointment(appointment.id);
  }

  /**
   * Writes over a stored reminder unless an event as new or newer wrote it: as new or newer, left
   * alone; older, replaced by a compare-and-set on the `eventAt` read; gone meanwhile, inserted. A
   * lost race (the `_id` taken, the compare-and-set missing) reads again.
   */
  private async replaceIfNewer(id: string, state: ReminderState): Promise<void> {
    for (let attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
      const storedEventAt = await this.reminders.eventAtOf(id);
      if (!storedEventAt) {
        if (await this.reminders.insert(id, state, this.clock.now())) return;
        continue;
      }
      if (storedEventAt.getTime() >= state.eventAt.getTime()) return;
      if (await this.reminders.replaceIfFrom(id, storedEventAt, state, this.clock.now())) return;
    }
    // Naks the event: its redelivery tries again.
    throw new Error(`Reminder ${id} changed under every one of ${MAX_WRITE_ATTEMPTS} attempts to write it`);
  }
}

interface ScheduledReminder {
  id: string;
  state: ReminderState;
}

/** The appointment's reminders, one per lead, as its event leaves them. */
function remindersOf({ eventId, occurredAt, appointment }: AppointmentChangeFact): ScheduledReminder[] {
  const startAt = new Date(appointment.startAt);
  return REMINDER_LEADS.map((lead) => {
    const { dueBeforeMs, expiresBeforeMs } = LEAD_WINDOWS[lead];
    const dueAt = new Date(startAt.getTime() - dueBeforeMs);
    const state: ReminderState = {
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
      eventAt: occurredAt,
    };
    return { id: reminderId(appointment.id, lead), state };
  });
}
