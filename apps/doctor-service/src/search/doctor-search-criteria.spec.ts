import { criteriaOf } from './doctor-search-criteria';

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
});
