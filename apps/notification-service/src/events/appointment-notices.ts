import { Injectable, Logger } from '@nestjs/common';
import type { AppointmentView, EventEnvelope } from '@arogyam/contracts';
import { NotificationDispatcher } from '../channels/notification-dispatcher';
import type { Notice } from '../channels/notice';
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
 * Bookings and reschedules that queued up are handled together (`handleEach`).
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
    const [fact] = this.factsOf([event]);
    if (!fact) return;
    await (change === 'cancelled' ? this.reminders.cancel(fact) : this.reminders.schedule([fact]));
    await this.tell(change, [fact]);
  }

  /**
   * Bookings or reschedules that queued up meanwhile, as `handle` leaves each: their reminders in
   * one write, then every party's notice in one delivery (one read of preferences, one insert).
   */
  async handleEach(change: Exclude<AppointmentChange, 'cancelled'>, events: EventEnvelope[]): Promise<void> {
    const facts = this.factsOf(events);
    await this.reminders.schedule(facts);
    await this.tell(change, facts);
  }

  private factsOf(events: EventEnvelope[]): AppointmentChangeFact[] {
    return events.flatMap((event) => {
      const at = occurredAt(event);
      if (at && isAppointment(event.payload))
        return [{ eventId: event.id, occurredAt: at, appointment: event.payload }];
      // Redelivery cannot mend a malformed event: log it for an operator and let it be acked.
      this.logger.error(`Ignoring ${event.type} ${event.id}: not an appointment event`);
      return [];
    });
  }

  /** Doctor and patient of each appointment whose change is still news. */
  private tell(change: AppointmentChange, facts: AppointmentChangeFact[]): Promise<void> {
    const now = this.clock.now();
    return this.dispatcher.deliverAll(
      facts
        .filter((fact) => !isStale(fact.occurredAt, now))
        .flatMap(({ eventId, occurredAt: at, appointment }) =>
          appointmentParties(appointment).map((party): Notice => ({
            sourceId: eventId,
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
        ),
    );
  }
}
