import { Injectable } from '@nestjs/common';
import {
  DomainError,
  type Actor,
  type AppointmentView,
  type CareRelationshipAnswer,
} from '@arogyam/contracts';
import { AppointmentLookup } from '@arogyam/service-kit';

const NOT_FOUND = 'Appointment not found.';

/**
 * Whether a doctor may read a patient's data through an appointment, as appointment-service
 * decides it on every ask (docs/decisions.md, "The care relationship"): the appointment must be
 * theirs, never cancelled, and inside the care relationship; a booking still to come opens only
 * the records the patient chose for that doctor (`through`). Anyone else gets 404, as if the
 * appointment did not exist. Nothing is cached, so a cancellation or a lapse holds at once.
 */
@Injectable()
export class CareRelationships {
  constructor(private readonly appointments: AppointmentLookup) {}

  /** The appointment, when the doctor is inside the care relationship with its patient. */
  async of(actor: Actor, appointmentId: string): Promise<AppointmentView> {
    const { appointment, relationship } = await this.through(actor, appointmentId);
    if (relationship.access !== 'care') throw DomainError.notFound(NOT_FOUND);
    return appointment;
  }

  /** The appointment and what it opens (`care`, or `booking`: records chosen for this doctor only). */
  async through(actor: Actor, appointmentId: string): Promise<CareRelationshipAnswer> {
    if (actor.role !== 'doctor') throw DomainError.notFound(NOT_FOUND);
    const answer = await this.appointments.careRelationship(actor, appointmentId);
    if (answer.appointment.doctorId !== actor.userId) throw DomainError.notFound(NOT_FOUND);
    return answer;
  }
}
