import { Injectable } from '@nestjs/common';
import {
  requireRole,
  type Actor,
  type DoctorAppointmentsDashboardView,
  type PatientAppointmentsDashboardView,
} from '@arogyam/contracts';
import { AppointmentRepository } from '../appointments/appointment.repository';
import { toAppointmentView } from '../appointments/appointment-views';
import { ReasonReads } from '../appointments/reason-reads';
import { DoctorQueueService } from '../queue/doctor-queue.service';

const UPCOMING_SHOWN = 5;

@Injectable()
export class AppointmentDashboardService {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly queue: DoctorQueueService,
    private readonly reasons: ReasonReads,
  ) {}

  /** The patient's current appointment and those to come, soonest first. */
  async patient(actor: Actor): Promise<PatientAppointmentsDashboardView> {
    requireRole(actor, 'patient');
    const upcoming = await this.appointments.upcomingOfPatient(actor.userId, new Date(), UPCOMING_SHOWN);
    await this.reasons.trace(actor, upcoming);
    return { upcomingAppointments: upcoming.map(toAppointmentView) };
  }

  /** `waiting`: today's patients not yet seen (booked or checked in). */
  async doctor(actor: Actor): Promise<DoctorAppointmentsDashboardView> {
    requireRole(actor, 'doctor');
    const now = new Date();
    const [upcomingCount, today] = await Promise.all([
      this.appointments.countUpcomingOfDoctor(actor.userId, now),
      this.queue.todayCounted(actor, now),
    ]);
    const count = (...statuses: string[]): number =>
      today.items.filter((item) => statuses.includes(item.status)).length;
    return {
      upcomingCount,
      todayQueue: {
        total: today.items.length,
        waiting: count('booked', 'checked_in'),
        completed: count('completed'),
      },
    };
  }
}
