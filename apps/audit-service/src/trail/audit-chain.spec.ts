import type { AuditEntry } from './audit-entry.schema';
import { entryHash, GENESIS_HASH, linkProblem, type ChainedFields } from './audit-chain';

const fields = (position: number, prevHash: string): ChainedFields => ({
  _id: `event-${position}`,
  chain: 'prescription',
  position,
  occurredAt: new Date('2026-12-05T10:00:00.000Z'),
  actorId: 'doctor-x',
  actorRole: 'doctor',
  patientId: 'patient-a',
  byPatient: false,
  kind: 'prescription',
  resourceId: `rx-${position}`,
  action: 'read',
  outcome: 'allowed',
  subject: 'prescription.prescription.get',
  route: 'GET /api/prescriptions/rx',
  gatewayInstance: 'gw-1',
  clientAddress: '203.0.113.9',
  prevHash,
});

const sealed = (chained: ChainedFields): AuditEntry => ({
  ...chained,
  hash: entryHash(chained),
  recordedAt: new Date(),
});

/** Three linked entries, as TrailWriter appends them. */
function chainOfThree(): AuditEntry[] {
  const first = sealed(fields(1, GENESIS_HASH));
  const second = sealed(fields(2, first.hash));
  return [first, second, sealed(fields(3, second.hash))];
}

describe('the audit hash chain', () => {
  it('is a SHA-256 hex digest that depends on every field and on the link', () => {
    const base = fields(1, GENESIS_HASH);
    expect(entryHash(base)).toMatch(/^[0-9a-f]{64}$/);
    expect(entryHash({ ...base })).toBe(entryHash(base));
    const changes: Partial<ChainedFields>[] = [
      { actorId: 'doctor-y' },
      { patientId: 'patient-b' },
      { kind: 'prescription_pdf' },
      { outcome: 'denied' },
      { occurredAt: new Date('2026-12-05T10:00:00.001Z') },
      { clientAddress: undefined },
      { prevHash: 'f'.repeat(64) },
      { position: 2 },
    ];
    for (const change of changes) expect(entryHash({ ...base, ...change })).not.toBe(entryHash(base));
  });

  it('does not depend on the order in which a database returns the fields', () => {
    const base = fields(1, GENESIS_HASH);
    const reordered = Object.fromEntries(Object.entries(base).reverse()) as ChainedFields;
    expect(entryHash(reordered)).toBe(entryHash(base));
  });

  it('finds nothing wrong with an intact chain', () => {
    const chain = chainOfThree();
    let previous = GENESIS_HASH;
    for (const entry of chain) {
      expect(linkProblem(entry, entry.position, previous)).toBeUndefined();
      previous = entry.hash;
    }
  });

  it('names an edited entry, a removed one, and one that does not follow', () => {
    const [first, second, third] = chainOfThree();
    expect(linkProblem({ ...second, resourceId: 'rx-other' }, 2, first.hash)).toBe(
      'the entry at position 2 was changed',
    );
    expect(linkProblem(undefined, 2, first.hash)).toBe('the entry at position 2 is missing');
    // With the second removed, the third follows the first no more.
    expect(linkProblem(third, 3, first.hash)).toBe(
      'the entry at position 3 does not follow the one before it',
    );
  });
});
