import { Injectable, Logger } from '@nestjs/common';
import type { AppointmentView, EventEnvelope } from '@arogyam/contracts';
import { NotificationDispatcher } from '../channels/notification-dispatcher';
import { Clock } from '../clock/clock';
import { AppLinks } from '../messages/app-links';
import { appointmentInvite } from '../messages/appointment-invite';
import { appointmentChangeMessage, type AppointmentChange } from '../messages/appointment-messages';
import { appointmentParties } from '../recipients/appointment-parties';
import { ReminderSchedule, type AppointmentChangeFact } from '../reminders/reminder-schedule.service';
import { isStale, occurredAt } from './event-time';

const isAppointment = (payload: unknown): payload is AppointmentView => {
  const appointment = payload as Partial<AppointmentView> | null;
  return Boolean(
    appointment?.id &&
    appointment.doctor?.id &&
    appointment.doctor.fullName &&
    appointment.patient?.id &&
    appointment.patient.fullName &&
    appointment.startAt &&
    !Number.isNaN(new Date(appointment.startAt).getTime()),
  );
};

/**
 * `appointment.booked`, `rescheduled`, `cancelled`: first the reminders are brought in step, then
 * doctor and patient are each told, naming the other and the time in their own zone and language.
 */
@Injectable()
export class AppointmentNotices {
  private readonly logger = new Logger(AppointmentNotices.name);

  constructor(
    private readonly dispatcher: NotificationDispatcher,
    private readonly reminders: ReminderSchedule,
    private readonly clock: Clock,
    private readonly links: AppLinks,
  ) {}

  async handle(change: AppointmentChange, event: EventEnvelope): Promise<void> {
    const at = occurredAt(event);
    if (!at || !isAppointment(event.payload)) {
      // Redelivery cannot mend a malformed event: log it for an operator and let it be acked.
      this.logger.error(`Ignoring ${event.type} ${event.id}: not an appointment event`);
      return;
    }
    const appointment = event.payload;
    const fact: AppointmentChangeFact = { eventId: event.id, occurredAt: at, appointment };
    await (change === 'cancelled' ? this.reminders.cancel(fact) : this.reminders.schedule(fact));
    if (isStale(at, this.clock.now())) return;
    await this.dispatcher.deliverAll(
      appointmentParties(appointment).map((party) => ({
        sourceId: event.id,
        kind: 'appointment',
        recipient: party,
        data: { appointmentId: appointment.id },
        compose: (locale) => {
          const link = this.links.appointment(party.role, appointment.id);
          return {
            ...appointmentChangeMessage(change, appointment, party.role, locale),
            link,
            calendar: appointmentInvite(change, appointment, party.role, link, at, locale.language),
          };
        },
      })),
    );
  }
}
