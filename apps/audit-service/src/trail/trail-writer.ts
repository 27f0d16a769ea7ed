import { Injectable, Logger } from '@nestjs/common';
import { auditChainOf, isDuplicateKey, type ClinicalAccessedEvent } from '@arogyam/contracts';
import type { AuditEntry } from './audit-entry.schema';
import { AuditEntryRepository } from './audit-entry.repository';
import { entryHash, GENESIS_HASH } from './audit-chain';

/** How often an append tries for the next position before the event is retried by the consumer. */
const ATTEMPTS = 50;

/**
 * Appends each access event to its chain exactly once. The chain has one writer at a time by
 * construction rather than by a lock: an append reads the chain's head and inserts at the next
 * position, and the unique index on (chain, position) refuses a second insert there, so a racing
 * instance fails and tries again on the new head. The unique `_id` (the event id) stores a
 * redelivered event once. No transactions needed: each append is one insert.
 */
@Injectable()
export class TrailWriter {
  private readonly logger = new Logger('TrailWriter');

  constructor(private readonly entries: AuditEntryRepository) {}

  async append(event: ClinicalAccessedEvent): Promise<void> {
    if (await this.entries.has(event.id)) return;
    const chain = auditChainOf(event.type);
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const head = await this.entries.head(chain);
      const entry = this.chained(event, chain, (head?.position ?? 0) + 1, head?.hash ?? GENESIS_HASH);
      try {
        await this.entries.append(entry);
        return;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        if (await this.entries.has(event.id)) return;
        this.logger.debug(`Position ${entry.position} of ${chain} was taken; trying again`);
      }
    }
    throw new Error(`Could not append ${event.id} to ${chain}: its head kept moving`);
  }

  private chained(
    event: ClinicalAccessedEvent,
    chain: string,
    position: number,
    prevHash: string,
  ): AuditEntry {
    const { actor, patientId, kind, resourceId, action, outcome, channel } = event.payload;
    const fields = {
      _id: event.id,
      chain,
      position,
      occurredAt: new Date(event.occurredAt),
      actorId: actor.userId,
      actorRole: actor.role,
      patientId: patientId ?? '',
      byPatient: actor.role === 'patient' && actor.userId === patientId,
      kind,
      resourceId,
      action,
      outcome,
      subject: channel.subject,
      ...(channel.route ? { route: channel.route } : {}),
      ...(channel.gatewayInstance ? { gatewayInstance: channel.gatewayInstance } : {}),
      ...(channel.clientAddress ? { clientAddress: channel.clientAddress } : {}),
      prevHash,
    };
    return { ...fields, hash: entryHash(fields), recordedAt: new Date() };
  }
}
