import { accountSearchKeysOf } from './account-search-keys';
import { accountSearchOf } from './account-search';

describe('the admins user search', () => {
  const keys = accountSearchKeysOf('Zoë  Séverin-Rao', 'Zoe.S@Example.com');

  it('keys every prefix of each name word without accents or case, and of the email', () => {
    expect(keys).toEqual(
      expect.arrayContaining(['n:z', 'n:zoe', 'n:s', 'n:severin-rao', 'e:z', 'e:zoe.s@example.com']),
    );
    expect(keys).toContain('n:rao');
    expect(keys).not.toContain('n:zoë');
  });

  const matched = (text: string): boolean => {
    const search = accountSearchOf(text);
    if (!('match' in search) || 'ids' in search.match) return false;
    const { anyKey, everyKey } = search.match;
    return anyKey.some((key) => keys.includes(key)) && everyKey.every((key) => keys.includes(key));
  };

  it('finds by a name prefix in any case and with or without accents, and by an email prefix', () => {
    for (const text of ['zoe', 'ZOË', 'Zoe\u0308', 'sév', 'zoe sev', 'rao', 'zoe.s@ex', 'ZOE.S'])
      expect([text, matched(text)]).toEqual([text, true]);
    for (const text of ['oe', 'zoe x', 'zoe.t@', 'example'])
      expect([text, matched(text)]).toEqual([text, false]);
  });

  it('reads digits as a phone number or its end, dropping +91 and a trunk 0', () => {
    expect(accountSearchOf('3210')).toEqual({ phoneDigits: '3210' });
    expect(accountSearchOf('+91 98765 43210')).toEqual({ phoneDigits: '9876543210' });
    expect(accountSearchOf('098765-43210')).toEqual({ phoneDigits: '9876543210' });
    expect('phoneDigits' in accountSearchOf('321')).toBe(false);
  });

  it('matches nothing, and fails on nothing, when no word is left', () => {
    expect(accountSearchOf('\u0301')).toEqual({ match: { ids: [] } });
  });
});
