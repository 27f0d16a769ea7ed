import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  ACTIVE_APPOINTMENT_STATUSES,
  requireRole,
  type Actor,
  type DoctorAppointmentsDashboardView,
  type PatientAppointmentsDashboardView,
} from '@arogyam/contracts';
import { Appointment } from '../appointments/appointment.schema';
import {
  APPOINTMENT_VIEW_FIELDS,
  toAppointmentView,
  type StoredAppointment,
} from '../appointments/appointment-views';
import { DoctorQueueService } from '../queue/doctor-queue.service';

const UPCOMING_SHOWN = 5;
/** No slot is longer, so an appointment still running started at most this long ago (keeps the start index bounded). */
const LONGEST_SLOT_MS = 240 * 60_000;

/** Active appointments that have not ended yet: the current one and those to come. */
const notOverYet = (now: Date) => ({
  status: { $in: [...ACTIVE_APPOINTMENT_STATUSES] },
  startAt: { $gt: new Date(now.getTime() - LONGEST_SLOT_MS) },
  endAt: { $gt: now },
});

@Injectable()
export class AppointmentDashboardService {
  constructor(
    @InjectModel(Appointment.name) private readonly appointments: Model<Appointment>,
    private readonly queue: DoctorQueueService,
  ) {}

  async patient(actor: Actor): Promise<PatientAppointmentsDashboardView> {
    requireRole(actor, 'patient');
    const upcoming = await this.appointments
      .find({ patientId: actor.userId, ...notOverYet(new Date()) }, APPOINTMENT_VIEW_FIELDS)
      .sort({ startAt: 1 })
      .limit(UPCOMING_SHOWN)
      .lean<StoredAppointment[]>()
      .exec();
    return { upcomingAppointments: upcoming.map(toAppointmentView) };
  }

  /** `waiting`: today's patients not yet seen (booked or checked in). */
  async doctor(actor: Actor): Promise<DoctorAppointmentsDashboardView> {
    requireRole(actor, 'doctor');
    const now = new Date();
    const [upcomingCount, today] = await Promise.all([
      this.appointments.countDocuments({ doctorId: actor.userId, ...notOverYet(now) }).exec(),
      this.queue.today(actor, now),
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
