import { Injectable } from '@nestjs/common';
import {
  ACTIVE_APPOINTMENT_STATUSES,
  DomainError,
  type Actor,
  type CareRelationshipView,
} from '@arogyam/contracts';
import { AppointmentRepository } from '../appointments/appointment.repository';
import { NOT_FOUND } from '../appointments/appointment-access';
import { AppointmentQueries } from '../appointments/appointment-queries.service';
import type { StoredAppointment } from '../appointments/appointment-views';
import { AppointmentServiceConfig } from '../config/appointment-service.config';
import { decideCareRelationship } from './care-relationship-rule';

export interface CareThroughAppointment {
  appointment: StoredAppointment;
  relationship: CareRelationshipView;
}

/**
 * What a doctor may read of a patient through one of their appointments: the rule
 * (care-relationship-rule.ts) applied to the pair's appointments, read fresh on every ask so a
 * cancellation or a lapse holds at once. The one place other services and the notes ask.
 */
@Injectable()
export class CareRelationships {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly queries: AppointmentQueries,
    private readonly config: AppointmentServiceConfig,
  ) {}

  /** The doctor's own appointment and what it opens; 404 when it is not theirs or opens nothing. */
  async through(actor: Actor, appointmentId: string): Promise<CareThroughAppointment> {
    const appointment = await this.queries.findVisible(actor, appointmentId);
    if (actor.role !== 'doctor') throw DomainError.notFound(NOT_FOUND);
    const { doctorId, patientId } = appointment;
    const [active, lastCompleted] = await Promise.all([
      this.appointments.ofPair(doctorId, patientId, ACTIVE_APPOINTMENT_STATUSES),
      this.appointments.latestCompletedOfPair(doctorId, patientId),
    ]);
    const decision = decideCareRelationship({
      now: new Date(),
      days: this.config.CARE_RELATIONSHIP_DAYS,
      through: appointment,
      active,
      lastCompleted: lastCompleted ?? undefined,
    });
    if (decision.access === 'none') throw DomainError.notFound(NOT_FOUND);
    return {
      appointment,
      relationship:
        decision.access === 'care'
          ? { access: 'care', until: decision.until.toISOString() }
          : { access: decision.access },
    };
  }
}
