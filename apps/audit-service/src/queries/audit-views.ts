import type { AuditEntryView } from '@arogyam/contracts';
import type { AuditEntry } from '../trail/audit-entry.schema';

/** An entry as admins and the patient's page see it (the hashes stay inside). */
export const toAuditEntryView = (entry: AuditEntry): AuditEntryView => ({
  id: entry._id,
  chain: entry.chain,
  position: entry.position,
  occurredAt: new Date(entry.occurredAt).toISOString(),
  actorId: entry.actorId,
  actorRole: entry.actorRole,
  ...(entry.patientId ? { patientId: entry.patientId } : {}),
  kind: entry.kind,
  resourceId: entry.resourceId,
  action: entry.action,
  outcome: entry.outcome,
  subject: entry.subject,
  ...(entry.route ? { route: entry.route } : {}),
  ...(entry.gatewayInstance ? { gatewayInstance: entry.gatewayInstance } : {}),
  ...(entry.clientAddress ? { clientAddress: entry.clientAddress } : {}),
});
