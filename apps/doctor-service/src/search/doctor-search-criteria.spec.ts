import { MAX_MONEY_AMOUNT } from '@arogyam/contracts';
import { listedDoctorsMatching } from '../profiles/doctor.repository';
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
    it('is the range asked, both ends included, open at an end left out', () => {
      expect(criteriaOf({ minFee: 45050, maxFee: 80000 }).feeRange).toEqual({ min: 45050, max: 80000 });
      expect(criteriaOf({ minFee: 50000 }).feeRange).toEqual({ min: 50000, max: MAX_MONEY_AMOUNT });
      expect(criteriaOf({ maxFee: 50000 }).feeRange).toEqual({ min: 0, max: 50000 });
    });

    it('is a range on the fee the database sorts by, so the fee index serves it in order', () => {
      expect(listedDoctorsMatching(criteriaOf({ minFee: 45050, maxFee: 80000 }))).toMatchObject({
        feeAmount: { $gte: 45050, $lte: 80000 },
      });
    });

    it('has no fee criterion when neither end is given', () => {
      expect(criteriaOf({ sort: 'fee' })).toEqual({});
    });
  });

  describe('availability', () => {
    // Saturday 5 December 2026, 20:10 UTC: 01:40 on Sunday in India, 15:10 on Saturday in New York.
    const now = new Date('2026-12-05T20:10:00Z');
    it("ends today and this week at the patient's midnight", () => {
      expect(availabilityEnd('today', now, 'Asia/Kolkata').toISOString()).toBe('2026-12-06T18:30:00.000Z');
      expect(availabilityEnd('today', now, 'America/New_York').toISOString()).toBe(
        '2026-12-06T05:00:00.000Z',
      );
      expect(availabilityEnd('today', now).toISOString()).toBe('2026-12-06T00:00:00.000Z');
      expect(availabilityEnd('week', now, 'Asia/Kolkata').toISOString()).toBe('2026-12-12T18:30:00.000Z');
    });

    it('matches a first free slot from now to the end of the day, as a range on the soonest order', () => {
      const { firstFreeBetween } = criteriaOf({ available: 'today', tz: 'Asia/Kolkata' }, now);
      expect(firstFreeBetween).toEqual({ from: now, before: new Date('2026-12-06T18:30:00Z') });
      expect(listedDoctorsMatching({ firstFreeBetween })).toMatchObject({
        soonestOrder: { $gte: now.getTime(), $lt: Date.parse('2026-12-06T18:30:00Z') },
      });
    });

    it('matches the 7 days from today for "this week"', () => {
      const { firstFreeBetween } = criteriaOf({ available: 'week', tz: 'America/New_York' }, now);
      expect(firstFreeBetween?.before.toISOString()).toBe('2026-12-12T05:00:00.000Z');
    });
  });
});
