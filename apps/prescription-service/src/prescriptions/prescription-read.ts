import type { Actor, ClinicalAccess } from '@arogyam/contracts';
import type { StoredPrescription } from './prescription.repository';

/** The audit entry of one prescription shown to the actor. */
export const prescriptionRead = (
  actor: Actor,
  prescription: Pick<StoredPrescription, '_id' | 'patientId'>,
): ClinicalAccess => ({
  actor,
  patientId: prescription.patientId,
  kind: 'prescription',
  resourceId: prescription._id,
  action: 'read',
  outcome: 'allowed',
});
