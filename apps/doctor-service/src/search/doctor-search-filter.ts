import type { FilterQuery } from 'mongoose';
import type { DoctorSearchQueryDto } from '@arogyam/contracts';
import type { Doctor } from '../profiles/doctor.schema';
import { searchKey } from '../profiles/doctor-search-keys';
import { LISTED_DOCTOR } from '../profiles/listed-doctor';
import { escapeRegex } from './escape-regex';

/**
 * Listed doctors matching the query, on the normalised keys only, so every filter is an
 * equality or an anchored (index-bounded) prefix. No text index: FerretDB has none.
 */
export function doctorSearchFilter(query: DoctorSearchQueryDto): FilterQuery<Doctor> {
  const filter: FilterQuery<Doctor> = { ...LISTED_DOCTOR };
  if (query.specialization) filter.specializationKey = searchKey(query.specialization);
  if (query.city) filter.cityKey = searchKey(query.city);
  if (query.language) filter.languageKeys = searchKey(query.language);
  if (query.q) filter.nameKeys = { $regex: `^${escapeRegex(searchKey(query.q))}` };
  return filter;
}
