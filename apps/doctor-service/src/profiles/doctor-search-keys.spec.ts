import { doctorSearchKeys, nameKeysOf, searchKey } from './doctor-search-keys';

describe('searchKey', () => {
  it('ignores case and surrounding or repeated spaces', () => {
    expect(searchKey('  General   Medicine ')).toBe('general medicine');
    expect(searchKey('CARDIOLOGY')).toBe('cardiology');
  });

  it('treats composed and decomposed accents alike', () => {
    expect(searchKey('Jose\u0301')).toBe(searchKey('José'));
  });
});

describe('nameKeysOf', () => {
  it('keeps the whole name and each word of it', () => {
    expect(nameKeysOf('Asha  Rao')).toEqual(['asha rao', 'asha', 'rao']);
  });

  it('lists a repeated word once', () => {
    expect(nameKeysOf('Anand Anand')).toEqual(['anand anand', 'anand']);
  });

  it('is just the name for a single word', () => {
    expect(nameKeysOf(' Ravi ')).toEqual(['ravi']);
  });
});

describe('doctorSearchKeys', () => {
  it('derives every key from a full profile', () => {
    expect(
      doctorSearchKeys({
        fullName: 'Meera Iyer',
        specialization: ' Dermatology',
        city: 'Bengaluru ',
        languages: ['English', 'kannada', 'ENGLISH', ' '],
      }),
    ).toEqual({
      nameKeys: ['meera iyer', 'meera', 'iyer'],
      specializationKey: 'dermatology',
      cityKey: 'bengaluru',
      languageKeys: ['english', 'kannada'],
    });
  });

  it('touches only the keys of the fields given', () => {
    expect(doctorSearchKeys({ city: 'Pune' })).toEqual({ cityKey: 'pune' });
    expect(doctorSearchKeys({})).toEqual({});
  });

  it('clears the key of a cleared or blank field', () => {
    expect(doctorSearchKeys({ city: null, languages: null })).toEqual({ cityKey: null, languageKeys: null });
    expect(doctorSearchKeys({ city: '  ' })).toEqual({ cityKey: null });
  });
});
