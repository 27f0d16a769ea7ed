/** The fields search matches on; a write may touch any of them, and `null` clears one. */
export interface SearchableDoctorFields {
  fullName?: string | null;
  specialization?: string | null;
  city?: string | null;
  languages?: string[] | null;
}

/** Normalised copies of the searchable fields, stored next to them. `null` clears a key. */
export interface DoctorSearchKeys {
  nameKeys?: string[] | null;
  specializationKey?: string | null;
  cityKey?: string | null;
  languageKeys?: string[] | null;
}

/**
 * How a value is compared in search: case and surrounding or repeated spaces do not matter.
 * Queries go through the same function, so "  Cardiology" finds "cardiology ".
 */
export const searchKey = (value: string): string =>
  value.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

const distinctKeys = (values: string[]): string[] => [
  ...new Set(values.map(searchKey).filter((key) => key !== '')),
];

/** The whole name and each word of it, so a prefix of the first or the last name finds the doctor. */
export const nameKeysOf = (fullName: string): string[] => {
  const name = searchKey(fullName);
  return distinctKeys([name, ...name.split(' ')]);
};

const optionalKey = (value: string | null): string | null =>
  value === null ? null : searchKey(value) || null;

/**
 * The keys for exactly the fields given: each key depends on its own field only, so a partial
 * update recomputes them without reading the document first, and two concurrent updates of
 * different fields cannot leave a key stale.
 */
export function doctorSearchKeys(fields: SearchableDoctorFields): DoctorSearchKeys {
  const keys: DoctorSearchKeys = {};
  if (fields.fullName !== undefined)
    keys.nameKeys = fields.fullName === null ? null : nameKeysOf(fields.fullName);
  if (fields.specialization !== undefined) keys.specializationKey = optionalKey(fields.specialization);
  if (fields.city !== undefined) keys.cityKey = optionalKey(fields.city);
  if (fields.languages !== undefined)
    keys.languageKeys = fields.languages === null ? null : distinctKeys(fields.languages);
  return keys;
}
