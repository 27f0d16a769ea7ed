import type { DoctorSearchQueryDto } from '@arogyam/contracts';
import { cityKeyOf, searchKey, specialtyKeyOf } from '../profiles/doctor-search-keys';
import { SPECIALTY_ALIASES } from '../profiles/search-aliases';

/** A search, normalised once with the same function that made the stored keys. */
export interface DoctorSearchCriteria {
  specializationKey?: string;
  cityKey?: string;
  languageKey?: string;
  /** Matches a doctor when the whole name or any word of it starts with it. */
  namePrefix?: string;
}

/**
 * The criteria of a search query; a blank field is no criterion. A name search that is an
 * everyday word for a specialty ("heart", "skin") searches that specialty instead, when no
 * specialty is asked for already: nobody is called "Heart", and people type symptoms in the box.
 */
export function criteriaOf(query: DoctorSearchQueryDto): DoctorSearchCriteria {
  const criteria: DoctorSearchCriteria = {};
  const words = query.q ? searchKey(query.q) : '';
  const everydaySpecialty = words && !query.specialization?.trim() ? SPECIALTY_ALIASES[words] : undefined;
  const specializationKey = query.specialization
    ? specialtyKeyOf(query.specialization)
    : (everydaySpecialty ?? '');
  const cityKey = query.city ? cityKeyOf(query.city) : '';
  const languageKey = query.language ? searchKey(query.language) : '';
  const namePrefix = everydaySpecialty ? '' : words;
  if (specializationKey) criteria.specializationKey = specializationKey;
  if (cityKey) criteria.cityKey = cityKey;
  if (languageKey) criteria.languageKey = languageKey;
  if (namePrefix) criteria.namePrefix = namePrefix;
  return criteria;
}
