import { Injectable } from '@nestjs/common';
import type { AuditChainReport, AuditVerification } from '@arogyam/contracts';
import { AuditEntryRepository } from '../trail/audit-entry.repository';
import { GENESIS_HASH, linkProblem } from '../trail/audit-chain';

/** Positions read at once while walking a chain. */
const BATCH = 500;

/**
 * Walks every chain from its first position and names the first broken link: a missing entry (a
 * removed one leaves a gap), an entry whose hash no longer matches its fields (an edited one), or
 * one whose `prevHash` is not the hash of the entry before it. The walk ends at the chain's head.
 * A removal of the last entries leaves no gap this can see; keep an exported head (the count and
 * last hash it reports) to detect that.
 */
@Injectable()
export class ChainVerifier {
  constructor(private readonly entries: AuditEntryRepository) {}

  async verifyAll(): Promise<AuditVerification> {
    const chains = await Promise.all((await this.entries.chains()).sort().map((chain) => this.verify(chain)));
    return { ok: chains.every((report) => report.brokenAt === undefined), chains };
  }

  async verify(chain: string): Promise<AuditChainReport> {
    const head = await this.entries.head(chain);
    const last = head?.position ?? 0;
    let previousHash = GENESIS_HASH;
    let found = 0;
    for (let first = 1; first <= last; first += BATCH) {
      const positions = Array.from({ length: Math.min(BATCH, last - first + 1) }, (_, i) => first + i);
      const byPosition = new Map(
        (await this.entries.atPositions(chain, positions)).map((entry) => [entry.position, entry]),
      );
      found += byPosition.size;
      for (const position of positions) {
        const entry = byPosition.get(position);
        const problem = linkProblem(entry, position, previousHash);
        if (problem !== undefined || entry === undefined)
          return { chain, entries: found, brokenAt: position, problem: problem ?? 'missing' };
        previousHash = entry.hash;
      }
    }
    return { chain, entries: found, ...(head ? { headHash: head.hash } : {}) };
  }
}
