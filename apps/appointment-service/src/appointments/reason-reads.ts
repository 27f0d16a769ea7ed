import { Injectable } from '@nestjs/common';
import type { Actor } from '@arogyam/contracts';
import { AuditTrail } from '@arogyam/persistence';
import { currentRequestChannel } from '@arogyam/service-kit';
import type { StoredAppointment } from './appointment-views';

/**
 * The reason a patient gave for a visit is clinical: every answer that carries one (a list, a
 * queue, a dashboard, one appointment) records each reason read, by id, never its text.
 */
@Injectable()
export class ReasonReads {
  constructor(private readonly audit: AuditTrail) {}

  async trace(
    actor: Actor,
    appointments: Pick<StoredAppointment, '_id' | 'patientId' | 'reason'>[],
  ): Promise<void> {
    // A service's lookup for its own check (patient-service asking whether a doctor cares for a
    // patient) shows the reason to no one; only answers to a request through a gateway are reads.
    if (!currentRequestChannel().route) return;
    await this.audit.record(
      ...appointments
        .filter((appointment) => appointment.reason)
        .map((appointment) => ({
          actor,
          patientId: appointment.patientId,
          kind: 'appointment_reason' as const,
          resourceId: appointment._id,
          action: 'read' as const,
          outcome: 'allowed' as const,
        })),
    );
  }

  /** A refused look at an appointment with a reason, asked through a gateway, is recorded; then thrown. */
  async refuse(
    actor: Actor,
    appointment: Pick<StoredAppointment, '_id' | 'patientId' | 'reason'>,
    refusal: Error,
  ): Promise<never> {
    if (appointment.reason && currentRequestChannel().route)
      await this.audit.record({
        actor,
        patientId: appointment.patientId,
        kind: 'appointment_reason',
        resourceId: appointment._id,
        action: 'read',
        outcome: 'denied',
      });
    throw refusal;
  }
}
