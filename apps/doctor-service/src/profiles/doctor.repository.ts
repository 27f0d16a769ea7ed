import { Injectable } from '@nestjs/common';
import { InjectModel, type ModelDefinition } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import type { AccountStatus, DoctorSearchSort, EventEnvelope, VerificationStatus } from '@arogyam/contracts';
import {
  findPage,
  findPageCountingAhead,
  orderedPushdownFor,
  PersonProfileRepository,
  pushToOutbox,
  totalCountingAhead,
  type PageWindow,
  type TotalCountedAhead,
} from '@arogyam/persistence';
import type { DoctorSearchCriteria } from '../search/doctor-search-criteria';
import type { DoctorDocument } from '../documents/doctor-document.schema';
import { Doctor, DoctorSchema, NEVER_COMPUTED, NO_FREE_TIME } from './doctor.schema';
import { doctorSearchKeys, NAME_PREFIX_LENGTH, namePrefixOf } from './doctor-search-keys';
import { DOCTOR_SUMMARY_FIELDS, type DoctorSummaryFields } from './doctor-views';
import { isListed, LISTED_DOCTOR } from './listed-doctor';
import { ListedNamePrefix, ListedNamePrefixSchema } from './listed-name-prefix.schema';
import { NamePrefixListing } from './name-prefix-listing';

/** Best rated first, then most reviewed, then by name; the id makes the order total, so pages never overlap. */
export const LISTING_ORDER = { rating: -1, reviewCount: -1, fullName: 1, _id: 1 } as const;

/** The other orders a patient may choose, each total. `rating` is the listing order itself. */
// Ties (doctors with nothing free) longest unchecked first: the sweep rechecks them in that order.
const SOONEST_ORDER = { soonestOrder: 1, nextAvailableComputedAt: 1, _id: 1 } as const;
const FEE_ORDER = { feeAmount: 1, _id: 1 } as const;
const EXPERIENCE_ORDER = { yearsOfExperience: -1, _id: 1 } as const;

export const SEARCH_ORDERS: Record<DoctorSearchSort, Record<string, 1 | -1>> = {
  relevance: LISTING_ORDER,
  rating: LISTING_ORDER,
  soonest: SOONEST_ORDER,
  fee: FEE_ORDER,
  experience: EXPERIENCE_ORDER,
};

// Search (`pageOfListed`): every search is the listed doctors plus equality on the keys it names,
// in listing order. Each index below is equality first, then the listing order, so the database
// walks it in order and stops at the page (on FerretDB through ordered pushdown, which compares
// scalar fields with `=` on these very btrees) instead of sorting every match. On FerretDB the
// GIN companion of each also serves any subset of its fields, without order.
// Specialization and city (the search patients make most), each alone, and no criteria:
DoctorSchema.index({
  verificationStatus: 1,
  accountStatus: 1,
  specializationKey: 1,
  cityKey: 1,
  ...LISTING_ORDER,
});
DoctorSchema.index({ verificationStatus: 1, accountStatus: 1, specializationKey: 1, ...LISTING_ORDER });
DoctorSchema.index({ verificationStatus: 1, accountStatus: 1, cityKey: 1, ...LISTING_ORDER });
DoctorSchema.index({ verificationStatus: 1, accountStatus: 1, ...LISTING_ORDER });
// A language or a name prefix (an element of `languageKeys`, `namePrefixes`): MongoDB walks these
// multikey indexes in order too; FerretDB finds the matches by the GIN companion and sorts them.
// A name prefix alone is read from `listedNamePrefixes` instead (listed-name-prefix.schema.ts);
// this index serves it with other criteria, and a prefix longer than the stored ones.
DoctorSchema.index({ verificationStatus: 1, accountStatus: 1, languageKeys: 1, ...LISTING_ORDER });
DoctorSchema.index({ verificationStatus: 1, accountStatus: 1, namePrefixes: 1, ...LISTING_ORDER });
// The patient's other orders with no key criterion (filters alone): walked in order and stopped at
// the page. With a key criterion, the GIN companions above find the matches and PostgreSQL sorts
// them (docs/decisions.md, "Doctor search", filters and orders).
DoctorSchema.index({ verificationStatus: 1, accountStatus: 1, ...SOONEST_ORDER });
// "The soonest cardiologist": a specialization in the soonest order, read in order like the
// specialization alone (at 50,000 doctors, 176 ms sorted after the scan; docs/benchmarks.md).
DoctorSchema.index({ verificationStatus: 1, accountStatus: 1, specializationKey: 1, ...SOONEST_ORDER });
DoctorSchema.index({ verificationStatus: 1, accountStatus: 1, ...FEE_ORDER });
DoctorSchema.index({ verificationStatus: 1, accountStatus: 1, ...EXPERIENCE_ORDER });
// Gender (a scalar: `=` on the btree, in listing order). A fee range or "free today / this week"
// is a range on the first field after the status of the fee and soonest indexes above: the
// database reads that stretch of the index in order (on FerretDB through ordered pushdown, which
// compares a range of numbers in SQL, tools/ferretdb/README.md).
DoctorSchema.index({ verificationStatus: 1, accountStatus: 1, gender: 1, ...LISTING_ORDER });
// The admins' verification queue (`verificationQueue`), oldest application first.
DoctorSchema.index({ verificationStatus: 1, createdAt: 1, _id: 1 });

export const doctorModel: ModelDefinition = { name: Doctor.name, schema: DoctorSchema };
export const listedNamePrefixModel: ModelDefinition = {
  name: ListedNamePrefix.name,
  schema: ListedNamePrefixSchema,
};

/** First come, first reviewed. */
const OLDEST_FIRST = { createdAt: 1, _id: 1 } as const;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The listed doctors matching `criteria`: equality on each normalised key the search names, so
 * the whole filter but a long name's exact check is pushed down to an index on FerretDB. A name
 * prefix is matched on its first NAME_PREFIX_LENGTH characters; a longer one is then checked
 * exactly on the name keys (FerretDB runs that over the few the prefix matched).
 */
export function listedDoctorsMatching(criteria: DoctorSearchCriteria): FilterQuery<Doctor> {
  const { specializationKey, cityKey, languageKey, namePrefix, gender, feeRange, firstFreeBetween } =
    criteria;
  const filter: FilterQuery<Doctor> = { ...LISTED_DOCTOR };
  if (specializationKey !== undefined) filter.specializationKey = specializationKey;
  if (cityKey !== undefined) filter.cityKey = cityKey;
  if (languageKey !== undefined) filter.languageKeys = languageKey;
  if (gender !== undefined) filter.gender = gender;
  if (feeRange !== undefined) filter.feeAmount = { $gte: feeRange.min, $lte: feeRange.max };
  if (firstFreeBetween !== undefined)
    filter.soonestOrder = { $gte: firstFreeBetween.from.getTime(), $lt: firstFreeBetween.before.getTime() };
  if (namePrefix !== undefined) {
    filter.namePrefixes = namePrefixOf(namePrefix);
    if (Array.from(namePrefix).length > NAME_PREFIX_LENGTH)
      filter.nameKeys = { $regex: `^${escapeRegExp(namePrefix)}` };
  }
  return filter;
}

/**
 * Whether a search is a name prefix alone, in listing order, of at most NAME_PREFIX_LENGTH
 * characters: the search `listedNamePrefixes` answers, walking its index in order. Others (a name
 * with other criteria, a longer name, another order) read `doctors` as before.
 */
export function isNamePrefixAlone(criteria: DoctorSearchCriteria, sort: DoctorSearchSort): boolean {
  const { namePrefix, ...others } = criteria;
  return (
    namePrefix !== undefined &&
    Object.values(others).every((value) => value === undefined) &&
    SEARCH_ORDERS[sort] === LISTING_ORDER &&
    Array.from(namePrefix).length <= NAME_PREFIX_LENGTH
  );
}

/** What says a doctor found through a name-prefix row is still listed and still has that prefix. */
const STILL_FOUND_FIELDS = { verificationStatus: 1, accountStatus: 1, namePrefixes: 1 } as const;

/** What an admin's verification decision records. */
export interface VerificationDecision {
  decision: VerificationStatus;
  note?: string;
  decidedBy: string;
  decidedAt: Date;
}

/**
 * Every read and write of `doctors`. Profiles are read and written by `_id` (the user id, see
 * PersonProfileRepository); search and the verification queue by the indexes declared above.
 */
@Injectable()
export class DoctorRepository extends PersonProfileRepository<Doctor> {
  /** The listed doctors by name prefix: kept in step by every write below that changes what it holds. */
  private readonly byNamePrefix: NamePrefixListing;

  constructor(
    @InjectModel(Doctor.name) doctors: Model<Doctor>,
    @InjectModel(ListedNamePrefix.name) namePrefixes: Model<ListedNamePrefix>,
  ) {
    super(doctors);
    this.byNamePrefix = new NamePrefixListing(namePrefixes, doctors);
  }

  /** A profile created listed (never through the API: a doctor starts pending) is given its name-prefix rows. */
  override async createOnce(userId: string, fields: Record<string, unknown>): Promise<Doctor> {
    const doctor = await super.createOnce(userId, fields);
    if (isListed(doctor)) await this.byNamePrefix.keepInStep(userId);
    return doctor;
  }

  /** A PATCH; one that renames the doctor (it carries new `namePrefixes`) rewrites their name-prefix rows. */
  override async patch(
    userId: string,
    body: object,
    required: readonly string[],
    also: { $push?: object } = {},
  ): Promise<Doctor | null> {
    const doctor = await super.patch(userId, body, required, also);
    if (doctor && 'namePrefixes' in body) await this.byNamePrefix.keepInStep(userId);
    return doctor;
  }

  /** A suspension or reactivation, and the name-prefix rows that follow the listing. */
  override async applyAccountStatus(
    userId: string,
    status: AccountStatus,
    occurredAt: Date,
  ): Promise<boolean> {
    const changed = await super.applyAccountStatus(userId, status, occurredAt);
    if (changed) await this.byNamePrefix.keepInStep(userId);
    return changed;
  }

  /** Whether patients may see the doctor: their verification and account status only. */
  listingStatusOf(doctorId: string): Promise<Pick<Doctor, 'verificationStatus' | 'accountStatus'> | null> {
    return this.profiles
      .findById(doctorId, { verificationStatus: 1, accountStatus: 1 })
      .lean<Pick<Doctor, 'verificationStatus' | 'accountStatus'>>()
      .exec();
  }

  /**
   * One page of the listed doctors matching `criteria`, in listing order, with how many match,
   * counted up to ten pages past the page's start (`totalIsLowerBound` when it stopped
   * there). Costs what the criteria's keys match, up to that bound (docs/decisions.md, "Doctor
   * search").
   */
  async pageOfListed(
    criteria: DoctorSearchCriteria,
    sort: DoctorSearchSort,
    window: PageWindow,
  ): Promise<{ documents: DoctorSummaryFields[] } & TotalCountedAhead> {
    if (isNamePrefixAlone(criteria, sort)) return this.pageByNamePrefix(criteria.namePrefix!, window);
    return findPageCountingAhead(
      this.profiles,
      listedDoctorsMatching(criteria),
      SEARCH_ORDERS[sort],
      window,
      DOCTOR_SUMMARY_FIELDS,
    ) as Promise<{ documents: DoctorSummaryFields[] } & TotalCountedAhead>;
  }

  /**
   * A name prefix alone: a page of ids from `listedNamePrefixes` in listing order (an index walk that
   * stops at the page, on FerretDB too), then those doctors by `_id`, each checked against the
   * listing and the name again, so a row not yet in step (a doctor suspended or renamed a moment
   * ago) never shows a doctor the search would not find. Counted there, up to ten pages ahead.
   */
  private async pageByNamePrefix(
    namePrefix: string,
    window: PageWindow,
  ): Promise<{ documents: DoctorSummaryFields[] } & TotalCountedAhead> {
    const prefix = namePrefixOf(namePrefix);
    const ids = await this.byNamePrefix.pageOf(prefix, window);
    // By `_id` alone (the unique btree: a dozen lookups); the listing and the name are checked
    // here, so the database never picks the name's GIN index and reads every doctor it matches.
    const found =
      ids.length === 0
        ? []
        : await this.profiles
            .find({ _id: { $in: ids } }, { ...DOCTOR_SUMMARY_FIELDS, ...STILL_FOUND_FIELDS })
            .lean<(DoctorSummaryFields & Pick<Doctor, keyof typeof STILL_FOUND_FIELDS>)[]>()
            .exec();
    const byId = new Map(
      found
        .filter((doctor) => isListed(doctor) && (doctor.namePrefixes ?? []).includes(prefix))
        .map((doctor) => [doctor._id, doctor]),
    );
    const documents: DoctorSummaryFields[] = ids.flatMap((id) => byId.get(id) ?? []);
    const total = await totalCountingAhead(ids.length, window, (atMost) =>
      this.byNamePrefix.countOf(prefix, atMost),
    );
    return { documents, ...total };
  }

  /**
   * One-off, for a database written before `listedNamePrefixes` existed: every listed doctor's rows
   * (NamePrefixListing.fill). Reads every listed doctor, so only the one-off upgrade
   * (maintenance/search-keys-upgrade.ts) calls it. Answers how many rows it wrote.
   */
  fillNamePrefixListing(): Promise<number> {
    return this.byNamePrefix.fill();
  }

  /** The doctors with this verification status (the admins' queue: `pending`), oldest first. */
  verificationQueue(
    status: VerificationStatus,
    window: PageWindow,
  ): Promise<{ documents: Doctor[]; total: number }> {
    return findPage(this.profiles, { verificationStatus: status }, OLDEST_FIRST, window);
  }

  /**
   * Records a verification decision and its `evt.doctor.verified` event in one write, and answers
   * the doctor as they now stand (null if there is none). A decision without a note removes the
   * note of the decision it reverses.
   */
  async recordVerification(
    doctorId: string,
    decided: VerificationDecision,
    event: EventEnvelope,
  ): Promise<Doctor | null> {
    const fields = {
      verificationStatus: decided.decision,
      verifiedAt: decided.decidedAt,
      verifiedBy: decided.decidedBy,
    };
    const change = decided.note
      ? { $set: { ...fields, verificationNote: decided.note } }
      : { $set: fields, $unset: { verificationNote: '' as const } };
    const doctor = await this.profiles
      .findByIdAndUpdate(doctorId, { ...change, ...pushToOutbox(event) }, { new: true })
      .lean<Doctor>()
      .exec();
    if (doctor) await this.byNamePrefix.keepInStep(doctorId);
    return doctor;
  }

  /** Adds a verification document; answers the doctor after it (null if there is none). */
  addDocument(doctorId: string, document: DoctorDocument): Promise<Doctor | null> {
    return this.profiles
      .findByIdAndUpdate(doctorId, { $push: { documents: document } }, { new: true })
      .lean<Doctor>()
      .exec();
  }

  /**
   * Removes one of the doctor's documents; null when the doctor has no such document. By its whole
   * stored value: FerretDB 1.24's `$pull` removes only equal elements, not those matching a condition.
   */
  async removeDocument(doctorId: string, documentId: string): Promise<Doctor | null> {
    const doctor = await this.profiles.findById(doctorId, { documents: 1 }).lean<Doctor>().exec();
    const stored = doctor?.documents?.find((document) => document.id === documentId);
    if (!stored) return null;
    return this.profiles
      .findByIdAndUpdate(doctorId, { $pullAll: { documents: [stored] } }, { new: true })
      .lean<Doctor>()
      .exec();
  }

  /**
   * A rejected doctor's request for another review: back to `pending`, if still `rejected`
   * (answers null otherwise). The last rejection's note stays, for the reviewer to check against.
   */
  resubmitVerification(doctorId: string, at: Date): Promise<Doctor | null> {
    return this.profiles
      .findOneAndUpdate(
        { _id: doctorId, verificationStatus: 'rejected' },
        { $set: { verificationStatus: 'pending', resubmittedAt: at } },
        { new: true },
      )
      .lean<Doctor>()
      .exec();
  }

  /**
   * One-off, for doctors stored before `namePrefixes` existed: gives each theirs (and their name
   * keys) from the stored name; a doctor renamed meanwhile already has them and is left alone.
   * Reads the whole collection (no index finds a missing field), so the service never calls it:
   * maintenance/add-name-prefixes.ts does, once. Answers how many doctors it changed.
   */
  async addMissingNamePrefixes(): Promise<number> {
    const missing = { namePrefixes: { $exists: false } };
    const doctors = this.profiles
      .find(missing, { fullName: 1 })
      .lean<Pick<Doctor, '_id' | 'fullName'>>()
      .cursor({ batchSize: 500 });
    let changed = 0;
    for await (const { _id, fullName } of doctors) {
      const keys = doctorSearchKeys({ fullName });
      const result = await this.profiles
        .updateOne({ _id, ...missing }, { $set: keys }, { timestamps: false })
        .exec();
      if (result.modifiedCount > 0) await this.byNamePrefix.keepInStep(_id);
      changed += result.modifiedCount;
    }
    return changed;
  }

  /**
   * One-off, after the way keys are made changed (accents folded, cities' and specialties' other
   * names, sort fields, docs/decisions.md "Doctor search"): every doctor's keys made again from the stored
   * fields. Reads the whole collection, so only maintenance/rewrite-search-keys.ts and the one-off
   * SearchKeysUpgrade (once per database) call it; a doctor edited meanwhile is given the same keys their edit wrote. Answers how many changed.
   */
  /** Whether any doctor was stored before the fee and free-time search keys (rewriteSearchKeys). */
  async hasDoctorsWithoutSearchOrders(): Promise<boolean> {
    return (await this.profiles.exists({ feeAmount: { $exists: false } })) !== null;
  }

  async rewriteSearchKeys(): Promise<number> {
    const doctors = this.profiles
      .find(
        {},
        { fullName: 1, specialization: 1, city: 1, languages: 1, consultationFee: 1, soonestOrder: 1 },
      )
      .lean<
        Pick<
          Doctor,
          '_id' | 'fullName' | 'specialization' | 'city' | 'languages' | 'consultationFee' | 'soonestOrder'
        >
      >()
      .cursor({ batchSize: 500 });
    let changed = 0;
    for await (const {
      _id,
      fullName,
      specialization,
      city,
      languages,
      consultationFee,
      soonestOrder,
    } of doctors) {
      const keys = doctorSearchKeys({
        fullName,
        specialization,
        city: city ?? null,
        languages,
        consultationFee,
      });
      // Stored before availability was kept: unknown until appointment-service's next word.
      const unknownFreeTime =
        soonestOrder === undefined
          ? { soonestOrder: NO_FREE_TIME, nextAvailableComputedAt: NEVER_COMPUTED }
          : {};
      const result = await this.profiles
        .updateOne({ _id }, { $set: { ...keys, ...unknownFreeTime } }, { timestamps: false })
        .exec();
      if (result.modifiedCount > 0) await this.byNamePrefix.keepInStep(_id);
      changed += result.modifiedCount;
    }
    return changed;
  }

  /**
   * Keeps appointment-service's latest word on the doctor's first free slot, unless a later-computed
   * one is stored already (events may arrive out of order, and the sweep writes too). Answers
   * whether it changed what search sees.
   */
  async recordNextFree(doctorId: string, nextFreeAt: Date | null, computedAt: Date): Promise<boolean> {
    // Doctors stored before the field existed have none (until rewrite-search-keys gives them one).
    const older = {
      $or: [
        { nextAvailableComputedAt: { $exists: false } },
        { nextAvailableComputedAt: { $lt: computedAt } },
      ],
    };
    const change = nextFreeAt
      ? {
          $set: {
            nextAvailableAt: nextFreeAt,
            soonestOrder: nextFreeAt.getTime(),
            nextAvailableComputedAt: computedAt,
          },
        }
      : {
          $set: { soonestOrder: NO_FREE_TIME, nextAvailableComputedAt: computedAt },
          $unset: { nextAvailableAt: '' as const },
        };
    const result = await this.profiles
      .updateOne({ _id: doctorId, ...older }, change, { timestamps: false })
      .exec();
    return result.modifiedCount > 0;
  }

  /**
   * Up to `atMost` listed doctors whose stored first free slot has passed (time, not an event,
   * made it stale): the start of the "soonest" order, which an index walks, cut where it reaches
   * `now`. The sweep asks appointment-service for theirs.
   */
  async listedWithPassedNextFree(now: Date, atMost: number): Promise<string[]> {
    const soonest = await this.firstInSoonestOrder({ ...LISTED_DOCTOR }, atMost);
    return soonest.filter((doctor) => doctor.soonestOrder < now.getTime()).map((doctor) => doctor._id);
  }

  /**
   * Up to `atMost` listed doctors with no free time known, checked before `checkedBefore`, longest
   * unchecked first (never-checked ones, as after this change is deployed, first of all): a day
   * entering appointment-service's lookahead can free them without any event.
   */
  async listedWithoutFreeTimeCheckedBefore(checkedBefore: Date, atMost: number): Promise<string[]> {
    const doctors = await this.firstInSoonestOrder({ ...LISTED_DOCTOR, soonestOrder: NO_FREE_TIME }, atMost);
    return doctors
      .filter((doctor) => new Date(doctor.nextAvailableComputedAt) < checkedBefore)
      .map((doctor) => doctor._id);
  }

  /** The start of the "soonest" order among `filter`'s doctors: an index walk that stops at `atMost`. */
  private firstInSoonestOrder(
    filter: FilterQuery<Doctor>,
    atMost: number,
  ): Promise<Pick<Doctor, '_id' | 'soonestOrder' | 'nextAvailableComputedAt'>[]> {
    return this.profiles
      .find(filter, { soonestOrder: 1, nextAvailableComputedAt: 1 })
      .sort(SOONEST_ORDER)
      .limit(atMost)
      .comment(orderedPushdownFor(this.profiles, filter))
      .lean<Pick<Doctor, '_id' | 'soonestOrder' | 'nextAvailableComputedAt'>[]>()
      .exec();
  }

  /**
   * Stores a recount of the doctor's reviews unless a recount that counted more is stored already:
   * reviews are never removed, so of two overlapping recounts the one that counted more stands.
   */
  async recordRating(doctorId: string, rating: number, reviewCount: number): Promise<void> {
    const result = await this.profiles
      .updateOne({ _id: doctorId, reviewCount: { $lte: reviewCount } }, { $set: { rating, reviewCount } })
      .exec();
    // The listing order is in the name-prefix rows too.
    if (result.modifiedCount > 0) await this.byNamePrefix.keepInStep(doctorId);
  }
}
