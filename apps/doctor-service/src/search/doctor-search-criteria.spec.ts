import { feeBucketsOf, timeBucketsOf } from '../profiles/search-ranges';
import { availabilityEnd, criteriaOf } from './doctor-search-criteria';

describe('criteriaOf', () => {
  it('normalises each field as the stored keys are, ignoring case and spaces', () => {
    expect(
      criteriaOf({
        specialization: '  CARDIOLOGY ',
        city: 'Navi  Mumbai',
        language: 'Kannada',
        q: 'Meera  IY',
      }),
    ).toEqual({
      specializationKey: 'cardiology',
      cityKey: 'navi mumbai',
      languageKey: 'kannada',
      namePrefix: 'meera iy',
    });
  });

  it('folds Latin accents but keeps Devanagari vowel signs', () => {
    expect(criteriaOf({ q: 'José Ñúñez' })).toEqual({ namePrefix: 'jose nunez' });
    expect(criteriaOf({ q: 'मीरा' })).toEqual({ namePrefix: 'मीरा' });
  });

  it("maps a city's other names to its key", () => {
    expect(criteriaOf({ city: 'Bangalore' })).toEqual({ cityKey: 'bengaluru' });
    expect(criteriaOf({ city: ' BOMBAY ' })).toEqual({ cityKey: 'mumbai' });
    expect(criteriaOf({ city: 'Bengaluru' })).toEqual({ cityKey: 'bengaluru' });
  });

  it('maps everyday words and other spellings to specialties', () => {
    expect(criteriaOf({ q: 'Heart', city: 'Bangalore' })).toEqual({
      specializationKey: 'cardiology',
      cityKey: 'bengaluru',
    });
    expect(criteriaOf({ q: 'skin' })).toEqual({ specializationKey: 'dermatology' });
    expect(criteriaOf({ specialization: 'Pediatrics' })).toEqual({ specializationKey: 'paediatrics' });
    // With a specialty chosen, the box is a name again.
    expect(criteriaOf({ specialization: 'Cardiology', q: 'heart' })).toEqual({
      specializationKey: 'cardiology',
      namePrefix: 'heart',
    });
  });

  it('has no criterion for an absent or blank field', () => {
    expect(criteriaOf({})).toEqual({});
    expect(criteriaOf({ city: '   ', q: '', page: 2, limit: 5 })).toEqual({});
  });

  it('passes the gender through', () => {
    expect(criteriaOf({ gender: 'female' })).toEqual({ gender: 'female' });
  });

  describe('fee range', () => {
    /** Whether a doctor of this fee matches, as the database answers `feeBuckets: {$in}`. */
    const feeMatches = (amount: number, buckets: string[] | undefined): boolean =>
      feeBucketsOf(amount).some((bucket) => buckets?.includes(bucket));

    it('matches exactly the fees in range, both ends included, to the paisa', () => {
      const { feeBuckets } = criteriaOf({ minFee: 45050, maxFee: 80000 });
      for (const [amount, expected] of [
        [0, false],
        [45049, false],
        [45050, true],
        [50000, true],
        [79999, true],
        [80000, true],
        [80001, false],
        [100_000_000, false],
      ] as const)
        expect([amount, feeMatches(amount, feeBuckets)]).toEqual([amount, expected]);
    });

    it('is open at an end left out, and takes few buckets for ranges in whole rupees', () => {
      const atLeast = criteriaOf({ minFee: 50000 }).feeBuckets;
      expect(feeMatches(49999, atLeast)).toBe(false);
      expect(feeMatches(100_000_000, atLeast)).toBe(true);
      const atMost = criteriaOf({ maxFee: 50000 }).feeBuckets;
      expect(feeMatches(0, atMost)).toBe(true);
      expect(feeMatches(50001, atMost)).toBe(false);
      expect(criteriaOf({ minFee: 30000, maxFee: 100000 }).feeBuckets!.length).toBeLessThanOrEqual(20);
      expect(criteriaOf({ minFee: 0 }).feeBuckets!.length).toBeLessThanOrEqual(20);
    });

    it('has no fee criterion when neither end is given', () => {
      expect(criteriaOf({ sort: 'fee' })).toEqual({});
    });
  });

  describe('availability', () => {
    // Saturday 5 December 2026, 20:10 UTC: 01:40 on Sunday in India, 15:10 on Saturday in New York.
    const now = new Date('2026-12-05T20:10:00Z');
    const freeAt = (iso: string, buckets: string[] | undefined): boolean =>
      timeBucketsOf(new Date(iso)).some((bucket) => buckets?.includes(bucket));

    it("ends today and this week at the patient's midnight", () => {
      expect(availabilityEnd('today', now, 'Asia/Kolkata').toISOString()).toBe('2026-12-06T18:30:00.000Z');
      expect(availabilityEnd('today', now, 'America/New_York').toISOString()).toBe(
        '2026-12-06T05:00:00.000Z',
      );
      expect(availabilityEnd('today', now).toISOString()).toBe('2026-12-06T00:00:00.000Z');
      expect(availabilityEnd('week', now, 'Asia/Kolkata').toISOString()).toBe('2026-12-12T18:30:00.000Z');
    });

    it('matches a first free slot from the current quarter hour to the end of the day, exactly', () => {
      const { availabilityBuckets } = criteriaOf({ available: 'today', tz: 'Asia/Kolkata' }, now);
      expect(freeAt('2026-12-05T20:00:00Z', availabilityBuckets)).toBe(true);
      expect(freeAt('2026-12-05T19:59:59Z', availabilityBuckets)).toBe(false);
      expect(freeAt('2026-12-06T18:29:59Z', availabilityBuckets)).toBe(true);
      expect(freeAt('2026-12-06T18:30:00Z', availabilityBuckets)).toBe(false);
      expect(availabilityBuckets!.length).toBeLessThanOrEqual(12);
    });

    it('matches the 7 days from today for "this week", in few buckets', () => {
      const { availabilityBuckets } = criteriaOf({ available: 'week', tz: 'America/New_York' }, now);
      expect(freeAt('2026-12-12T04:59:00Z', availabilityBuckets)).toBe(true);
      expect(freeAt('2026-12-12T05:00:00Z', availabilityBuckets)).toBe(false);
      expect(availabilityBuckets!.length).toBeLessThanOrEqual(21);
    });
  });
});
