import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { DomainError, type Actor, type AppointmentStatus } from '@arogyam/contracts';
import { AppointmentChangesService } from '../appointments/appointment-changes.service';
import { Appointment } from '../appointments/appointment.schema';

const IN_PROGRESS: readonly AppointmentStatus[] = ['checked_in', 'in_consultation'];

/**
 * Before a patient's account is erased: refused while a visit is in progress (the doctor is with
 * them), otherwise every booking still ahead is cancelled by the patient, exactly as if they had
 * cancelled each one (the doctor is told, payment-service refunds as its policy says).
 */
@Injectable()
export class PatientErasureBookings {
  constructor(
    @InjectModel(Appointment.name) private readonly appointments: Model<Appointment>,
    private readonly changes: AppointmentChangesService,
  ) {}

  async endBookings(actor: Actor): Promise<{ cancelled: number }> {
    if (actor.role !== 'patient') throw DomainError.forbidden('Only a patient ends their own bookings here.');
    const active = await this.appointments
      .find({ patientId: actor.userId, status: { $in: ['booked', ...IN_PROGRESS] } }, { _id: 1, status: 1 })
      .lean<Pick<Appointment, '_id' | 'status'>[]>()
      .exec();
    if (active.some((appointment) => IN_PROGRESS.includes(appointment.status)))
      throw DomainError.conflict(
        'You have a visit in progress; you can delete your account once it has ended.',
        'visit_in_progress',
      );
    for (const appointment of active) await this.changes.cancel(actor, { appointmentId: appointment._id });
    return { cancelled: active.length };
  }
}
