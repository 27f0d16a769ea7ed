import { Injectable } from '@nestjs/common';
import { DomainError, type Actor, type AppointmentView } from '@arogyam/contracts';
import { AppointmentLookup } from '@arogyam/service-kit';

/**
 * Whether a doctor may read a patient's data through an appointment: it must be theirs (decided
 * by appointment-service, asked as the actor) and not cancelled. Anyone else gets 404, as if the
 * appointment did not exist.
 */
@Injectable()
export class CareRelationships {
  constructor(private readonly appointments: AppointmentLookup) {}

  async of(actor: Actor, appointmentId: string): Promise<AppointmentView> {
    const appointment = await this.appointments.forActor(actor, appointmentId);
    if (appointment.doctorId !== actor.userId || appointment.status === 'cancelled') {
      throw DomainError.notFound('Appointment not found.');
    }
    return appointment;
  }
}
