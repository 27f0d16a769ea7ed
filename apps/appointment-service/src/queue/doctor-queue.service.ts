import { Injectable } from '@nestjs/common';
import { requireRole, type Actor, type AppointmentQueueView } from '@arogyam/contracts';
import { AppointmentRepository } from '../appointments/appointment.repository';
import { toAppointmentView } from '../appointments/appointment-views';
import { ReasonReads } from '../appointments/reason-reads';
import { AvailabilityService } from '../availability/availability.service';
import { localDayBounds, localToday } from '../slots/slot-calculator';

/**
 * A doctor's day as their own calendar has it: the day in their schedule's zone (UTC before
 * they set one), in start order, with whoever is coming and how far each appointment got.
 * Cancelled appointments are not part of the day.
 */
@Injectable()
export class DoctorQueueService {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly availability: AvailabilityService,
    private readonly reasons: ReasonReads,
  ) {}

  async day(actor: Actor, date: string): Promise<AppointmentQueueView> {
    requireRole(actor, 'doctor');
    return this.shown(actor, await this.dayIn(actor.userId, date, await this.timezoneOf(actor.userId)));
  }

  async today(actor: Actor, now = new Date()): Promise<AppointmentQueueView> {
    return this.shown(actor, await this.todayCounted(actor, now));
  }

  /** Today's queue for counting (the dashboard's numbers): no reason leaves the service, none is traced. */
  async todayCounted(actor: Actor, now = new Date()): Promise<AppointmentQueueView> {
    requireRole(actor, 'doctor');
    const timezone = await this.timezoneOf(actor.userId);
    return this.dayIn(actor.userId, localToday(timezone, now), timezone);
  }

  /** The queue as answered to the doctor: its reasons are read, so traced. */
  private async shown(actor: Actor, queue: AppointmentQueueView): Promise<AppointmentQueueView> {
    await this.reasons.trace(
      actor,
      queue.items.map((item) => ({ _id: item.id, patientId: item.patientId, reason: item.reason })),
    );
    return queue;
  }

  private async timezoneOf(doctorId: string): Promise<string> {
    return (await this.availability.find(doctorId))?.timezone ?? 'UTC';
  }

  private async dayIn(doctorId: string, date: string, timezone: string): Promise<AppointmentQueueView> {
    const { start, end } = localDayBounds(date, timezone);
    const appointments = await this.appointments.dayOfDoctor(doctorId, start, end);
    return { date, timezone, items: appointments.map(toAppointmentView) };
  }
}
