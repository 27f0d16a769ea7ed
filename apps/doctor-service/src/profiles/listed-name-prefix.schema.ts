import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * One listed doctor under one of their name prefixes (`namePrefixes`), with the fields of the
 * listing order: what a search by name alone walks in order (docs/decisions.md, "Doctor search").
 * A scalar `prefix` where the doctor holds an array, so an index of (prefix, listing order) serves
 * the search in order on FerretDB as well as on MongoDB. Kept by DoctorRepository only
 * (name-prefix-listing.ts): present while the doctor is listed, rewritten when their name, rating or
 * listing status changes. Derived data: search checks each doctor it finds against `doctors`.
 */
@Schema({ collection: 'listedNamePrefixes', versionKey: false, timestamps: false })
export class ListedNamePrefix {
  /** `<doctorId>:<prefix>`: a row's identity, so writing it again replaces it. */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  prefix: string;

  @Prop({ required: true })
  doctorId: string;

  @Prop({ required: true })
  rating: number;

  @Prop({ required: true })
  reviewCount: number;

  @Prop({ required: true })
  fullName: string;
}

export const ListedNamePrefixSchema = SchemaFactory.createForClass(ListedNamePrefix);

/** The doctors' listing order (doctor.repository.ts LISTING_ORDER), the doctor's id for theirs. */
export const NAME_PREFIX_LISTING_ORDER = { rating: -1, reviewCount: -1, fullName: 1, doctorId: 1 } as const;

// A search by name: equality on the prefix, then the listing order, so the database walks the
// index and stops at the page (on FerretDB: ordered pushdown's `=` on this btree, patch 12).
ListedNamePrefixSchema.index({ prefix: 1, ...NAME_PREFIX_LISTING_ORDER });
// Keeping one doctor's rows in step.
ListedNamePrefixSchema.index({ doctorId: 1 });
