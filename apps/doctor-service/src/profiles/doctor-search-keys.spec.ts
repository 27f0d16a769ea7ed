import {
  doctorSearchKeys,
  NAME_PREFIX_LENGTH,
  nameKeysOf,
  namePrefixesOf,
  namePrefixOf,
  searchKey,
} from './doctor-search-keys';

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

describe('namePrefixesOf', () => {
  it('lists every prefix of the whole name and of each word, each once', () => {
    expect(namePrefixesOf('Asha  Rao')).toEqual([
      'a',
      'as',
      'ash',
      'asha',
      'asha r',
      'asha ra',
      'asha rao',
      'r',
      'ra',
      'rao',
    ]);
  });

  it('stops at NAME_PREFIX_LENGTH characters, counting code points', () => {
    const prefixes = namePrefixesOf('Venkataramanan Subrahmanyam');
    expect(NAME_PREFIX_LENGTH).toBe(12);
    expect(prefixes).toContain('venkataraman');
    expect(prefixes).toContain('subrahmanyam');
    expect(prefixes).not.toContain('venkataraman ');
    expect(prefixes).not.toContain('venkataramana');
    expect(Math.max(...prefixes.map((prefix) => prefix.length))).toBe(12);
    // An astral character is one character: no prefix ends half-way through it.
    expect(namePrefixesOf('𝒜nu')).toEqual(['𝒜', '𝒜n', '𝒜nu']);
  });

  it('holds a normalised query of up to NAME_PREFIX_LENGTH characters exactly when a name key starts with it', () => {
    const name = 'Meera Iyer-Krishnan';
    const keys = nameKeysOf(name);
    const prefixes = new Set(namePrefixesOf(name));
    for (const query of ['m', 'meera i', 'iyer-k', 'iyer-krishna', 'yer', 'meera k', 'krishnan', 'x']) {
      const key = searchKey(query);
      expect(prefixes.has(key)).toBe(keys.some((nameKey) => nameKey.startsWith(key)));
    }
  });
});

describe('namePrefixOf', () => {
  it('keeps the first NAME_PREFIX_LENGTH characters of a query', () => {
    expect(namePrefixOf('venkataramanan s')).toBe('venkataraman');
    expect(namePrefixOf('asha')).toBe('asha');
    expect(namePrefixOf('𝒜'.repeat(13))).toBe('𝒜'.repeat(12));
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
      namePrefixes: namePrefixesOf('Meera Iyer'),
      specializationKey: 'dermatology',
      cityKey: 'bengaluru',
      languageKeys: ['english', 'kannada'],
    });
  });

  it('touches only the keys of the fields given', () => {
    expect(doctorSearchKeys({ city: 'Pune' })).toEqual({ cityKey: 'pune' });
    expect(doctorSearchKeys({ fullName: 'Ravi' })).toEqual({
      nameKeys: ['ravi'],
      namePrefixes: ['r', 'ra', 'rav', 'ravi'],
    });
    expect(doctorSearchKeys({})).toEqual({});
  });

  it('clears the key of a cleared or blank field', () => {
    expect(doctorSearchKeys({ city: null, languages: null })).toEqual({ cityKey: null, languageKeys: null });
    expect(doctorSearchKeys({ city: '  ' })).toEqual({ cityKey: null });
  });
});
