import type { Doctor } from './doctor.schema';

/** What a doctor's rows in `listedNamePrefixes` are made of. */
export type NamePrefixListingFields = Pick<
  Doctor,
  '_id' | 'fullName' | 'rating' | 'reviewCount' | 'namePrefixes'
>;

/** A row of `listedNamePrefixes` (listed-name-prefix.schema.ts), as stored. */
export interface NamePrefixRow {
  _id: string;
  prefix: string;
  doctorId: string;
  rating: number;
  reviewCount: number;
  fullName: string;
}

/**
 * A listed doctor's rows: one per stored name prefix. From the stored `namePrefixes`, so a doctor
 * is found through the rows by exactly the prefixes the doctors' own filter checks.
 */
export const namePrefixRowsOf = (doctor: NamePrefixListingFields): NamePrefixRow[] =>
  (doctor.namePrefixes ?? []).map((prefix) => ({
    _id: `${doctor._id}:${prefix}`,
    prefix,
    doctorId: doctor._id,
    // Both are required with a default of 0; a document written around the schema may lack them.
    rating: doctor.rating ?? 0,
    reviewCount: doctor.reviewCount ?? 0,
    fullName: doctor.fullName,
  }));
