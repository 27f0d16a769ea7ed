import { Injectable } from '@nestjs/common';
import type { Actor, AppointmentView, AuditResourceKind, CareRelationshipAnswer } from '@arogyam/contracts';
import { AuditTrail, isRefusal } from '@arogyam/persistence';
import { CareRelationships } from './care-relationships';

/**
 * The care relationship a doctor reaches a patient's data through, with a refusal in the audit
 * trail: it names the appointment asked through (there is no patient to name), then is thrown.
 */
@Injectable()
export class AuditedCare {
  constructor(
    private readonly care: CareRelationships,
    private readonly audit: AuditTrail,
  ) {}

  /** The appointment, inside the care relationship (`CareRelationships.of`). */
  of(actor: Actor, appointmentId: string, kind: AuditResourceKind): Promise<AppointmentView> {
    return this.care
      .of(actor, appointmentId)
      .catch((refusal: unknown) => this.refuse(actor, appointmentId, kind, refusal));
  }

  /** The appointment and what it opens, a booking too (`CareRelationships.through`). */
  through(actor: Actor, appointmentId: string, kind: AuditResourceKind): Promise<CareRelationshipAnswer> {
    return this.care
      .through(actor, appointmentId)
      .catch((refusal: unknown) => this.refuse(actor, appointmentId, kind, refusal));
  }

  private refuse(
    actor: Actor,
    appointmentId: string,
    kind: AuditResourceKind,
    refusal: unknown,
  ): Promise<never> {
    if (!isRefusal(refusal)) throw refusal;
    return this.audit.deny(
      { actor, kind, resourceId: `appointment:${appointmentId}`, action: 'read' },
      refusal,
    );
  }
}
