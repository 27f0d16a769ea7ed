import { NAME_PREFIX_LENGTH, searchKey, specialtyKeyOf } from '../profiles/doctor-search-keys';

/** What search matches a case on, stored next to its texts. */
export interface CaseStudySearchKeys {
  specialtyKey: string;
  searchPrefixes: string[];
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Each word of a text, as search compares words (searchKey: no case or Latin accents). */
export const searchWordsOf = (text: string): string[] => searchKey(text).match(WORD) ?? [];

/** The first NAME_PREFIX_LENGTH characters of a word: longer query words are cut the same way. */
export const wordPrefixOf = (word: string): string => Array.from(word).slice(0, NAME_PREFIX_LENGTH).join('');

/**
 * Every prefix, 1 to NAME_PREFIX_LENGTH characters, of every word of the title and tags: a query
 * word finds cases with a word starting with it by one equality on `searchPrefixes` (as doctor
 * search's `namePrefixes`), with no text index (FerretDB has none). A word longer than
 * NAME_PREFIX_LENGTH matches on its first NAME_PREFIX_LENGTH characters.
 */
export function caseStudySearchKeys(fields: {
  title: string;
  specialty: string;
  tags: string[];
}): CaseStudySearchKeys {
  const prefixes = new Set<string>();
  for (const word of [fields.title, ...fields.tags].flatMap(searchWordsOf)) {
    const characters = Array.from(wordPrefixOf(word));
    for (let length = 1; length <= characters.length; length += 1)
      prefixes.add(characters.slice(0, length).join(''));
  }
  return { specialtyKey: specialtyKeyOf(fields.specialty), searchPrefixes: [...prefixes] };
}
