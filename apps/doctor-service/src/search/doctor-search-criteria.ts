import type { DoctorSearchQueryDto } from '@arogyam/contracts';
import { searchKey } from '../profiles/doctor-search-keys';

/** A search, normalised once with the same function that made the stored keys. */
export interface DoctorSearchCriteria {
  specializationKey?: string;
  cityKey?: string;
  languageKey?: string;
  /** Matches a doctor when the whole name or any word of it starts with it. */
  namePrefix?: string;
}

/** The criteria of a search query; a blank field is no criterion. */
export function criteriaOf(query: DoctorSearchQueryDto): DoctorSearchCriteria {
  const criteria: DoctorSearchCriteria = {};
  const specializationKey = query.specialization ? searchKey(query.specialization) : '';
  const cityKey = query.city ? searchKey(query.city) : '';
  const languageKey = query.language ? searchKey(query.language) : '';
  const namePrefix = query.q ? searchKey(query.q) : '';
  if (specializationKey) criteria.specializationKey = specializationKey;
  if (cityKey) criteria.cityKey = cityKey;
  if (languageKey) criteria.languageKey = languageKey;
  if (namePrefix) criteria.namePrefix = namePrefix;
  return criteria;
}
