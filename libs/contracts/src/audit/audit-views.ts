import type { UserRole } from '../identity/user-view';
import type { AuditAction, AuditOutcome, AuditResourceKind } from './audit-entry';

/** One stored audit entry as admins see it (no clinical content exists to show). */
export interface AuditEntryView {
  id: string;
  chain: string;
  position: number;
  occurredAt: string;
  actorId: string;
  actorRole: UserRole;
  patientId?: string;
  kind: AuditResourceKind;
  resourceId: string;
  action: AuditAction;
  outcome: AuditOutcome;
  subject: string;
  route?: string;
  gatewayInstance?: string;
  clientAddress?: string;
}

/** A chain's verification: where it first breaks, if it does. */
export interface AuditChainReport {
  chain: string;
  entries: number;
  /** The hash of the last entry: kept elsewhere, it shows a removal of the last entries too. */
  headHash?: string;
  /** The first position whose entry is missing, or whose hashes do not follow. */
  brokenAt?: number;
  problem?: string;
}

export interface AuditVerification {
  ok: boolean;
  chains: AuditChainReport[];
}

/**
 * One line of a patient's "who viewed my records": who (a doctor by name; an admin as such), what
 * and when. No addresses or instances: those are for admins investigating.
 */
export interface RecordAccessView {
  id: string;
  occurredAt: string;
  actorRole: UserRole;
  /** A doctor's name as doctor-service has it now (absent if it could not be asked). */
  actorName?: string;
  kind: AuditResourceKind;
  resourceId: string;
  action: AuditAction;
  outcome: AuditOutcome;
}
