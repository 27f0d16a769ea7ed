import { isSharedWith, readerKeys, sharingOf, storedSharing } from './record-sharing';

describe("a health record's sharing", () => {
  it('reads records from before per-doctor sharing as all my doctors or nobody', () => {
    expect(sharingOf({ sharedWithDoctors: true })).toEqual({ mode: 'all_my_doctors', doctorIds: [] });
    expect(sharingOf({ sharedWithDoctors: false })).toEqual({ mode: 'none', doctorIds: [] });
    expect(sharingOf({})).toEqual({ mode: 'all_my_doctors', doctorIds: [] });
  });

  it('stores the reads key beside the choice, and names doctors only when chosen', () => {
    expect(storedSharing({ mode: 'chosen', doctorIds: ['d1', 'd1', 'd2'] })).toEqual({
      sharing: { mode: 'chosen', doctorIds: ['d1', 'd2'] },
      readers: ['d1', 'd2'],
    });
    expect(storedSharing({ mode: 'all_my_doctors', doctorIds: ['d1'] }).readers).toEqual(['all_my_doctors']);
    expect(storedSharing({ mode: 'none', doctorIds: ['d1'] })).toEqual({
      sharing: { mode: 'none', doctorIds: [] },
      readers: [],
    });
  });

  it('lets a booking read only what was chosen for its doctor, and the care relationship also what all doctors share', () => {
    const chosen = storedSharing({ mode: 'chosen', doctorIds: ['d1'] });
    const all = storedSharing({ mode: 'all_my_doctors', doctorIds: [] });
    const none = storedSharing({ mode: 'none', doctorIds: [] });
    expect([isSharedWith(chosen, 'd1', 'booking'), isSharedWith(chosen, 'd2', 'care')]).toEqual([
      true,
      false,
    ]);
    expect([isSharedWith(all, 'd1', 'care'), isSharedWith(all, 'd1', 'booking')]).toEqual([true, false]);
    expect(isSharedWith(none, 'd1', 'care')).toBe(false);
    // The listing's keys say the same as the check of one record.
    for (const record of [chosen, all, none])
      for (const access of ['care', 'booking'] as const)
        expect(record.readers.some((key) => readerKeys('d1', access).includes(key))).toBe(
          isSharedWith(record, 'd1', access),
        );
  });
});
