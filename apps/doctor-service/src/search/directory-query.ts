import type { DoctorSearchQueryDto } from '@arogyam/contracts';
import { searchKey } from '../profiles/doctor-search-keys';
import type { DirectoryEntry } from './directory-entry';

/** A directory entry as the search keeps it: see `toDirectoryRow`. */
export type DirectoryRow = DirectoryEntry;

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
});

/** A search, normalised once with the same function that made the stored keys. */
export interface DirectoryCriteria {
  specializationKey?: string;
  cityKey?: string;
  languageKey?: string;
  /** Matches a doctor when any of their name keys starts with it. */
  namePrefix?: string;
}

export const criteriaOf = (query: DoctorSearchQueryDto): DirectoryCriteria => ({
  ...(query.specialization ? { specializationKey: searchKey(query.specialization) } : {}),
  ...(query.city ? { cityKey: searchKey(query.city) } : {}),
  ...(query.language ? { languageKey: searchKey(query.language) } : {}),
  ...(query.q ? { namePrefix: searchKey(query.q) } : {}),
});

/** Exact match on specialization, city and language; the name matches on a prefix of any of its words. */
export function matches(entry: DirectoryRow, criteria: DirectoryCriteria): boolean {
  if (criteria.specializationKey !== undefined && entry.specializationKey !== criteria.specializationKey)
    return false;
  if (criteria.cityKey !== undefined && entry.cityKey !== criteria.cityKey) return false;
  if (criteria.languageKey !== undefined && !entry.languageKeys.includes(criteria.languageKey)) return false;
  const prefix = criteria.namePrefix;
  if (prefix !== undefined && !entry.nameKeys.some((key) => key.startsWith(prefix))) return false;
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
