import { DateTime } from 'luxon';
import { MAX_MONEY_AMOUNT, type DoctorGender, type DoctorSearchQueryDto } from '@arogyam/contracts';
import { cityKeyOf, searchKey, specialtyKeyOf } from '../profiles/doctor-search-keys';
import { SPECIALTY_ALIASES } from '../profiles/search-aliases';

/** A search, normalised once with the same function that made the stored keys. */
export interface DoctorSearchCriteria {
  specializationKey?: string;
  cityKey?: string;
  languageKey?: string;
  /** Matches a doctor when the whole name or any word of it starts with it. */
  namePrefix?: string;
  gender?: DoctorGender;
  /** The fee range in paise, both ends included. */
  feeRange?: { min: number; max: number };
  /** A first free slot from `from` (now) until before `before`: the end of the patient's today or week. */
  firstFreeBetween?: { from: Date; before: Date };
}

/**
 * The end of the patient's "today" or "this week" (today and the 6 days after it, as a patient
 * reads "this week" on a Saturday night) in their zone, UTC when they gave none.
 */
export function availabilityEnd(window: 'today' | 'week', now: Date, zone = 'UTC'): Date {
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  return today.plus({ days: window === 'today' ? 1 : 7 }).toJSDate();
}

/**
 * The criteria of a search query; a blank field is no criterion. A name search that is an
 * everyday word for a specialty ("heart", "skin") searches that specialty instead, when no
 * specialty is asked for already: nobody is called "Heart", and people type symptoms in the box.
 */
export function criteriaOf(query: DoctorSearchQueryDto, now = new Date()): DoctorSearchCriteria {
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
  if (query.gender) criteria.gender = query.gender;
  if (query.minFee !== undefined || query.maxFee !== undefined)
    criteria.feeRange = { min: query.minFee ?? 0, max: query.maxFee ?? MAX_MONEY_AMOUNT };
  if (query.available)
    criteria.firstFreeBetween = { from: now, before: availabilityEnd(query.available, now, query.tz) };
  return criteria;
}
