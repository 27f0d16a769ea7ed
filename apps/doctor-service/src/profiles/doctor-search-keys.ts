import { searchKey } from '@arogyam/contracts';
import { CITY_ALIASES, SPECIALTY_ALIASES } from './search-aliases';

/** The fields search matches on; a write may touch any of them, and `null` clears one. */
export interface SearchableDoctorFields {
  fullName?: string | null;
  specialization?: string | null;
  city?: string | null;
  languages?: string[] | null;
  consultationFee?: { amount: number } | null;
}

/** Normalised copies of the searchable fields, stored next to them. `null` clears a key. */
export interface DoctorSearchKeys {
  nameKeys?: string[] | null;
  namePrefixes?: string[] | null;
  specializationKey?: string | null;
  cityKey?: string | null;
  languageKeys?: string[] | null;
  /** The fee's amount, top level: a sort field the database can order by (see doctor.repository.ts). */
  feeAmount?: number;
}

export { searchKey };

/** A city's key: its other names ("Bangalore") give the same key as its current one. */
export const cityKeyOf = (city: string): string => {
  const key = searchKey(city);
  return CITY_ALIASES[key] ?? key;
};

/** A specialty's key: everyday words ("heart") and other spellings give the specialty's key. */
export const specialtyKeyOf = (specialization: string): string => {
  const key = searchKey(specialization);
  return SPECIALTY_ALIASES[key] ?? key;
};

const distinctKeys = (values: string[]): string[] => [
  ...new Set(values.map(searchKey).filter((key) => key !== '')),
];

/** The whole name and each word of it, so a prefix of the first or the last name finds the doctor. */
export const nameKeysOf = (fullName: string): string[] => {
  const name = searchKey(fullName);
  return distinctKeys([name, ...name.split(' ')]);
};

/**
 * How many characters of a name key are stored as prefixes: a query of up to this many finds its
 * doctors by equality alone (an index serves it); a longer one is narrowed by its first this many
 * and checked exactly against the name keys.
 */
export const NAME_PREFIX_LENGTH = 12;

/** The first NAME_PREFIX_LENGTH characters (code points, so no pair of surrogates is split) of a key. */
export const namePrefixOf = (key: string): string => Array.from(key).slice(0, NAME_PREFIX_LENGTH).join('');

/**
 * Every prefix, 1 to NAME_PREFIX_LENGTH characters, of each name key: what a name search matches
 * with one equality, `namePrefixes: <query>` (an array field matches any of its elements).
 */
export const namePrefixesOf = (fullName: string): string[] => {
  const prefixes = new Set<string>();
  for (const key of nameKeysOf(fullName)) {
    const characters = Array.from(key).slice(0, NAME_PREFIX_LENGTH);
    // A prefix ending in the space between words is never searched for: queries are trimmed.
    for (let length = 1; length <= characters.length; length += 1)
      if (characters[length - 1] !== ' ') prefixes.add(characters.slice(0, length).join(''));
  }
  return [...prefixes];
};

const optionalKey = (value: string | null, keyOf: (value: string) => string): string | null =>
  value === null ? null : keyOf(value) || null;

/**
 * The keys for exactly the fields given: each key depends on its own field only, so a partial
 * update recomputes them without reading the document first, and two concurrent updates of
 * different fields cannot leave a key stale.
 */
export function doctorSearchKeys(fields: SearchableDoctorFields): DoctorSearchKeys {
  const keys: DoctorSearchKeys = {};
  if (fields.fullName !== undefined) {
    keys.nameKeys = fields.fullName === null ? null : nameKeysOf(fields.fullName);
    keys.namePrefixes = fields.fullName === null ? null : namePrefixesOf(fields.fullName);
  }
  if (fields.specialization !== undefined)
    keys.specializationKey = optionalKey(fields.specialization, specialtyKeyOf);
  if (fields.city !== undefined) keys.cityKey = optionalKey(fields.city, cityKeyOf);
  if (fields.languages !== undefined)
    keys.languageKeys = fields.languages === null ? null : distinctKeys(fields.languages);
  // The fee is required: it is replaced, never cleared.
  if (fields.consultationFee) {
    keys.feeAmount = fields.consultationFee.amount;
  }
  return keys;
}
