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

  it('has no criterion for an absent or blank field', () => {
    expect(criteriaOf({})).toEqual({});
    expect(criteriaOf({ city: '   ', q: '', page: 2, limit: 5 })).toEqual({});
  });
});
