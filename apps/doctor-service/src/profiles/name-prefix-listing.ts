import { Logger } from '@nestjs/common';
import type { AnyBulkWriteOperation, Model } from 'mongoose';
import { isDuplicateKey } from '@arogyam/contracts';
import { countMatching, orderedPushdownFor, type PageWindow } from '@arogyam/persistence';
import { failureSummary } from '@arogyam/messaging';
import type { Doctor } from './doctor.schema';
import { NAME_PREFIX_LISTING_ORDER, type ListedNamePrefix } from './listed-name-prefix.schema';
import { namePrefixRowsOf, type NamePrefixListingFields, type NamePrefixRow } from './listed-name-prefixes';
import { isListed, LISTED_DOCTOR } from './listed-doctor';

/** What decides a doctor's rows: their name prefixes, listing-order fields and listing status. */
const LISTING_FIELDS = {
  fullName: 1,
  rating: 1,
  reviewCount: 1,
  namePrefixes: 1,
  verificationStatus: 1,
  accountStatus: 1,
} as const;

type ListingFields = NamePrefixListingFields & Pick<Doctor, 'verificationStatus' | 'accountStatus'>;

/** The doctor as their rows see them, comparable (null: no such doctor). */
const listingKeyOf = (doctor: ListingFields | null): string =>
  JSON.stringify(
    doctor && [
      doctor.fullName,
      doctor.rating,
      doctor.reviewCount,
      doctor.namePrefixes,
      doctor.verificationStatus,
      doctor.accountStatus,
    ],
  );

const sameRow = (a: NamePrefixRow, b: NamePrefixRow): boolean =>
  a.prefix === b.prefix &&
  a.doctorId === b.doctorId &&
  a.rating === b.rating &&
  a.reviewCount === b.reviewCount &&
  a.fullName === b.fullName;

type WriteErrors = { code?: unknown; err?: { code?: unknown } }[];

/** The write errors of a bulk write or insertMany, none when it failed as a whole. */
const writeErrorsOf = (error: unknown): WriteErrors =>
  (error as { writeErrors?: WriteErrors }).writeErrors ?? [];

/** Whether every write a bulk write refused was refused for a row that exists already. */
const onlyDuplicateKeys = (error: unknown): boolean => {
  const refused = writeErrorsOf(error);
  return refused.length === 0
    ? isDuplicateKey(error)
    : refused.every((each) => isDuplicateKey({ code: each.code ?? each.err?.code }));
};

/** Rounds of keepInStep before it leaves the rows to the doctor's next change (a doctor changing all the time). */
const MAX_ROUNDS = 5;

/** How many doctors the one-off fill reads, and writes the rows of, at a time. */
const FILL_BATCH = 200;

/**
 * `listedNamePrefixes`, the index of listed doctors by name prefix that a search by name alone
 * walks (listed-name-prefix.schema.ts). Only DoctorRepository holds one: every write of a doctor's
 * name, rating or listing status goes through it and then calls keepInStep.
 */
export class NamePrefixListing {
  private readonly logger = new Logger(NamePrefixListing.name);

  constructor(
    private readonly rows: Model<ListedNamePrefix>,
    private readonly doctors: Model<Doctor>,
  ) {}

  /** The ids of one page of the listed doctors under `prefix`, in listing order. */
  async pageOf(prefix: string, window: PageWindow): Promise<string[]> {
    const filter = { prefix };
    const rows = await this.rows
      .find(filter, { doctorId: 1 })
      .sort(NAME_PREFIX_LISTING_ORDER)
      .skip(window.skip)
      .limit(window.limit)
      .comment(orderedPushdownFor(this.rows, filter))
      .lean<Pick<NamePrefixRow, 'doctorId'>[]>()
      .exec();
    return rows.map((row) => row.doctorId);
  }

  /** How many listed doctors are under `prefix`, counted up to `atMost`. */
  countOf(prefix: string, atMost: number): Promise<number> {
    return countMatching(this.rows, { prefix }, atMost);
  }

  /**
   * Makes the doctor's rows what their stored profile says: one per name prefix while listed, none
   * otherwise. Idempotent, and safe beside any other write of the same doctor: after writing it
   * reads the doctor again and starts over if they changed meanwhile, so the last keepInStep to
   * finish wrote from the doctor as they now are (a concurrent one from an older read sees the
   * change and writes again). Search never trusts a row alone (DoctorRepository.pageOfListed). A
   * failure is logged, not thrown: the rows then lag until the doctor's next change.
   */
  async keepInStep(doctorId: string): Promise<void> {
    try {
      let doctor = await this.listingOf(doctorId);
      for (let round = 0; round < MAX_ROUNDS; round += 1) {
        await this.write(doctorId, doctor && isListed(doctor) ? namePrefixRowsOf(doctor) : []);
        const now = await this.listingOf(doctorId);
        if (listingKeyOf(doctor) === listingKeyOf(now)) return;
        doctor = now;
      }
      this.logger.warn(`Doctor ${doctorId} kept changing: their name-prefix rows wait for the next change.`);
    } catch (error) {
      // The doctor's own write stands, and is what the caller reports; the rows are derived.
      this.logger.warn(
        `Doctor ${doctorId}'s name-prefix rows wait for the next change: ${failureSummary(error)}`,
      );
    }
  }

  /**
   * One-off, for a database written before `listedNamePrefixes` existed: the rows of every listed
   * doctor, inserted a batch at a time; rows that exist (written meanwhile by keepInStep, or by an
   * earlier run) are left as they are. Answers how many it inserted.
   */
  async fill(): Promise<number> {
    const listed = this.doctors
      .find({ ...LISTED_DOCTOR }, { fullName: 1, rating: 1, reviewCount: 1, namePrefixes: 1 })
      .lean<NamePrefixListingFields>()
      .cursor({ batchSize: FILL_BATCH });
    let inserted = 0;
    let batch: NamePrefixRow[] = [];
    const flush = async (): Promise<void> => {
      if (batch.length > 0) inserted += await this.insertNew(batch);
      batch = [];
    };
    let doctors = 0;
    for await (const doctor of listed) {
      batch.push(...namePrefixRowsOf(doctor));
      doctors += 1;
      if (doctors % FILL_BATCH === 0) await flush();
    }
    await flush();
    return inserted;
  }

  private listingOf(doctorId: string): Promise<ListingFields | null> {
    return this.doctors.findById(doctorId, LISTING_FIELDS).lean<ListingFields>().exec();
  }

  /** The doctor's rows become `wanted`: only what differs is written. */
  private async write(doctorId: string, wanted: NamePrefixRow[]): Promise<void> {
    const stored = await this.rows.find({ doctorId }).lean<NamePrefixRow[]>().exec();
    const storedById = new Map(stored.map((row) => [row._id, row]));
    const wantedIds = new Set(wanted.map((row) => row._id));
    const changes: AnyBulkWriteOperation<ListedNamePrefix>[] = [
      ...stored
        .filter((row) => !wantedIds.has(row._id))
        .map((row) => ({ deleteOne: { filter: { _id: row._id } } })),
      ...wanted
        .filter((row) => !storedById.has(row._id) || !sameRow(storedById.get(row._id)!, row))
        .map((row) => ({ replaceOne: { filter: { _id: row._id }, replacement: row, upsert: true } })),
    ];
    if (changes.length === 0) return;
    try {
      await this.rows.bulkWrite(changes, { ordered: false });
    } catch (error) {
      // Another keepInStep inserted the same row first: its writer checks the doctor after it.
      if (!onlyDuplicateKeys(error)) throw error;
    }
  }

  /** Inserts the rows that do not exist yet; answers how many. */
  private async insertNew(rows: NamePrefixRow[]): Promise<number> {
    try {
      return (await this.rows.insertMany(rows, { ordered: false, lean: true })).length;
    } catch (error) {
      if (!onlyDuplicateKeys(error)) throw error;
      return rows.length - writeErrorsOf(error).length;
    }
  }
}
