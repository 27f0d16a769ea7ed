import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AppointmentSubjects,
  DOCTOR_CONSULTATIONS_PAGE,
  DomainError,
  DoctorConsultationsMessage,
  requireRole,
  type DoctorConsultationsPage,
} from '@arogyam/contracts';
import { AppointmentRepository } from '../appointments/appointment.repository';

/**
 * The times and statuses of a doctor's appointments, for payment-service's earnings. Only for the
 * doctor themselves (the actor), and nothing of the patient or the visit goes back.
 */
@Controller()
export class DoctorConsultationsHandler {
  constructor(private readonly appointments: AppointmentRepository) {}

  @MessagePattern(AppointmentSubjects.consultationsForDoctor)
  async list(@Payload() message: DoctorConsultationsMessage): Promise<DoctorConsultationsPage> {
    requireRole(message.actor, 'doctor');
    const from = new Date(message.from);
    const to = new Date(message.to);
    if (from >= to) throw DomainError.badRequest('`from` must be before `to`.');
    const limit = DOCTOR_CONSULTATIONS_PAGE;
    const rows = await this.appointments.consultationsOfDoctor(message.actor.userId, from, to, {
      page: message.page,
      limit,
      skip: (message.page - 1) * limit,
    });
    return {
      items: rows.map((row) => ({
        id: row._id,
        startAt: new Date(row.startAt).toISOString(),
        status: row.status,
      })),
    };
  }
}
