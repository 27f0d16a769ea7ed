import type { DoctorSearchQueryDto } from '@arogyam/contracts';
import { searchKey } from '../profiles/doctor-search-keys';
import type { DirectoryEntry } from './directory-entry';

/** Joins a doctor's name keys so one `includes` finds a prefix of any of them. */
const NAME_SEPARATOR = '\u0001';

/** A directory entry with its name keys joined once at load, so a search scans one string. */
export interface DirectoryRow extends DirectoryEntry {
  nameText: string;
}

/**
 * Every row is built with the same fields in the same order: documents read back from the
 * database may list their fields in any order, and objects of many shapes make the search
 * loop's property reads slow (megamorphic).
 */
export const toDirectoryRow = (entry: DirectoryEntry): DirectoryRow => ({
  _id: entry._id,
  fullName: entry.fullName,
  specialization: entry.specialization,
  city: entry.city,
  languages: entry.languages ?? [],
  yearsOfExperience: entry.yearsOfExperience,
  consultationFee: entry.consultationFee,
  rating: entry.rating,
  reviewCount: entry.reviewCount,
  specializationKey: entry.specializationKey,
  cityKey: entry.cityKey,
  languageKeys: entry.languageKeys ?? [],
  nameKeys: entry.nameKeys ?? [],
  nameText: NAME_SEPARATOR + (entry.nameKeys ?? []).join(NAME_SEPARATOR),
});

/** A search, normalised once with the same function that made the stored keys. */
export interface DirectoryCriteria {
  specializationKey?: string;
  cityKey?: string;
  languageKey?: string;
  /** The separator plus the prefix: found in `nameText` exactly where a key starts with it. */
  nameNeedle?: string;
}

export const criteriaOf = (query: DoctorSearchQueryDto): DirectoryCriteria => ({
  ...(query.specialization ? { specializationKey: searchKey(query.specialization) } : {}),
  ...(query.city ? { cityKey: searchKey(query.city) } : {}),
  ...(query.language ? { languageKey: searchKey(query.language) } : {}),
  ...(query.q ? { nameNeedle: NAME_SEPARATOR + searchKey(query.q) } : {}),
});

/** Exact match on specialization, city and language; the name matches on a prefix of any of its words. */
export function matches(entry: DirectoryRow, criteria: DirectoryCriteria): boolean {
  if (criteria.specializationKey !== undefined && entry.specializationKey !== criteria.specializationKey)
    return false;
  if (criteria.cityKey !== undefined && entry.cityKey !== criteria.cityKey) return false;
  if (criteria.languageKey !== undefined && !entry.languageKeys.includes(criteria.languageKey)) return false;
  if (criteria.nameNeedle !== undefined && !entry.nameText.includes(criteria.nameNeedle)) return false;
  return true;
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Best rated first, then most reviewed, then by name; the id makes the order total, so pages never overlap. */
export function listingOrder(a: DirectoryEntry, b: DirectoryEntry): number {
  return (
    b.rating - a.rating ||
    b.reviewCount - a.reviewCount ||
    byCodeUnits(a.fullName, b.fullName) ||
    byCodeUnits(a._id, b._id)
  );
}
