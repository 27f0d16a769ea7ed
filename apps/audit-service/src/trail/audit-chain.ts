import { createHash } from 'node:crypto';
import type { AuditEntry } from './audit-entry.schema';

/** The `prevHash` of a chain's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields an entry's hash covers: all it says, and the link to the entry before it. */
export type ChainedFields = Omit<AuditEntry, 'hash' | 'recordedAt'>;

/**
 * SHA-256 (hex) over a canonical serialisation: a JSON array of the fields in a fixed order, absent
 * optional fields as null, the time as its ISO instant. A change to any of them, or to the link,
 * gives another hash; the order is fixed here, not by how a database returns a document's keys.
 */
export function entryHash(entry: ChainedFields): string {
  const canonical = JSON.stringify([
    entry._id,
    entry.chain,
    entry.position,
    new Date(entry.occurredAt).toISOString(),
    entry.actorId,
    entry.actorRole,
    entry.patientId,
    entry.byPatient,
    entry.kind,
    entry.resourceId,
    entry.action,
    entry.outcome,
    entry.subject,
    entry.route ?? null,
    entry.gatewayInstance ?? null,
    entry.clientAddress ?? null,
    entry.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** What is wrong with an entry at `position` that should follow `previousHash`, if anything. */
export function linkProblem(
  entry: AuditEntry | undefined,
  position: number,
  previousHash: string,
): string | undefined {
  if (!entry) return `the entry at position ${position} is missing`;
  if (entry.prevHash !== previousHash)
    return `the entry at position ${position} does not follow the one before it`;
  if (entryHash(entry) !== entry.hash) return `the entry at position ${position} was changed`;
  return undefined;
}
