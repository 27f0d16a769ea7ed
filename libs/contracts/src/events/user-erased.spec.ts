import { erasedPatientOf, UserEventTypes } from './user-events';
import type { EventEnvelope } from './event-envelope';

const erased = (payload: unknown): EventEnvelope => ({
  id: 'e1',
  type: UserEventTypes.erased,
  version: 1,
  occurredAt: '2026-12-05T23:00:00.000Z',
  payload,
});

describe('erasedPatientOf', () => {
  it('names the patient of a patient’s erasure', () => {
    expect(erasedPatientOf(erased({ userId: 'p-1', role: 'patient', erasedAt: 'x' }))).toBe('p-1');
  });

  it('ignores other roles and malformed payloads, which every consumer then acks', () => {
    expect(erasedPatientOf(erased({ userId: 'd-1', role: 'doctor' }))).toBeUndefined();
    expect(erasedPatientOf(erased({ role: 'patient' }))).toBeUndefined();
    expect(erasedPatientOf(erased({ userId: '', role: 'patient' }))).toBeUndefined();
    expect(erasedPatientOf(erased({ userId: 7, role: 'patient' }))).toBeUndefined();
    expect(erasedPatientOf(erased(null))).toBeUndefined();
  });
});
