import { searchKey } from '@arogyam/contracts';

/** How many characters of a name word are stored as prefixes: a longer query word matches on its first this many. */
export const NAME_WORD_PREFIX_LENGTH = 24;
/** How many characters of an email are stored as prefixes; a longer query is also checked exactly. */
export const EMAIL_PREFIX_LENGTH = 64;

const firstCharacters = (key: string, length: number): string => Array.from(key).slice(0, length).join('');

/** Every prefix, 1 to `length` characters (code points) long, of `key`, each marked with `kind`. */
function prefixesOf(kind: 'n' | 'e', key: string, length: number): string[] {
  const characters = Array.from(key).slice(0, length);
  return characters.map((_, at) => `${kind}:${characters.slice(0, at + 1).join('')}`);
}

/** A query word's name key: what `n:` prefixes are matched with. */
export const nameWordKey = (word: string): string =>
  `n:${firstCharacters(searchKey(word), NAME_WORD_PREFIX_LENGTH)}`;

/** A query's email key: what `e:` prefixes are matched with. */
export const emailKey = (text: string): string =>
  `e:${firstCharacters(text.trim().toLowerCase(), EMAIL_PREFIX_LENGTH)}`;

/**
 * The admins' search keys of an account, one array (so one equality, or one `$in`, is the whole
 * match an index serves): `n:` every prefix of each word of the name, case and Latin accents
 * dropped (`José Rao`: `n:j … n:jose, n:r … n:rao`; a hyphenated word and each part), and `e:`
 * every prefix of the email.
 */
export function accountSearchKeysOf(fullName: string, email: string): string[] {
  // A hyphenated name is a word and its parts: `Séverin-Rao` is found by `sev` and by `rao`.
  const words = searchKey(fullName)
    .split(' ')
    .flatMap((word) => (word.includes('-') ? [word, ...word.split('-')] : [word]))
    .filter(Boolean);
  const keys = new Set<string>();
  for (const word of words) for (const key of prefixesOf('n', word, NAME_WORD_PREFIX_LENGTH)) keys.add(key);
  for (const key of prefixesOf('e', email.trim().toLowerCase(), EMAIL_PREFIX_LENGTH)) keys.add(key);
  return [...keys];
}
