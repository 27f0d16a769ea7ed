import { Injectable } from '@nestjs/common';
import type { Actor, AppointmentView, AuditResourceKind } from '@arogyam/contracts';
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

  of(actor: Actor, appointmentId: string, kind: AuditResourceKind): Promise<AppointmentView> {
    return this.care.of(actor, appointmentId).catch((refusal: unknown) => {
      if (!isRefusal(refusal)) throw refusal;
      return this.audit.deny(
        { actor, kind, resourceId: `appointment:${appointmentId}`, action: 'read' },
        refusal,
      );
    });
  }
}
