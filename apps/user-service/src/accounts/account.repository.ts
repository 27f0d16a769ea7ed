import { Injectable } from '@nestjs/common';
import { InjectModel, type ModelDefinition } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import type { AccountStatus, EventEnvelope, Language, PatientDataPage, UserRole } from '@arogyam/contracts';
import {
  findPageCountingAhead,
  patientDataPage,
  pushToOutbox,
  rewriteEachInIdOrder,
  toOutboxEntry,
  type PageWindow,
  type TotalCountedAhead,
} from '@arogyam/persistence';
import { Account, AccountSchema } from './account.schema';
import { toAccountView } from './account-views';
import { accountSearchKeysOf } from './account-search-keys';

/** The admins' list: newest first, `_id` breaking ties so that pages never repeat or skip. */
const NEWEST_FIRST = { createdAt: -1, _id: 1 } as const;

// Sign-in and registration (`findByEmail`): one account per email, which also refuses a second
// registration racing the first (E11000).
AccountSchema.index({ email: 1 }, { unique: true });
// The admins' list (`pageForAdmins`) by role and status, by role, by status, and unfiltered.
// On FerretDB the equality part is what an index serves (the sort runs over what it matched);
// the unfiltered one reads every account there (admin-only, paged: see query-plans.int.spec.ts).
// On MongoDB each of them also gives the order, so a page reads only its own entries.
AccountSchema.index({ role: 1, status: 1, createdAt: -1, _id: 1 });
AccountSchema.index({ role: 1, createdAt: -1, _id: 1 });
AccountSchema.index({ status: 1, createdAt: -1, _id: 1 });
AccountSchema.index({ createdAt: -1, _id: 1 });
// The admins' search (`pageForAdmins` with `match.anyKey`): one equality (or `$in`) on an element
// of `searchKeys`, newest first; role and status narrow what it matched.
AccountSchema.index({ searchKeys: 1, createdAt: -1, _id: 1 });

/** `users`; every other read and write is by `_id` (the user id). */
export const accountModel: ModelDefinition = { name: Account.name, schema: AccountSchema };

/** What a new account is made of; its status starts `active`. */
export interface NewAccount {
  _id: string;
  email: string;
  passwordHash: string;
  fullName: string;
  role: UserRole;
  privacyNotice?: { version: string; acceptedAt: Date };
}

/**
 * What the admins' search matched on: search keys (any of `anyKey`, and each of `everyKey`; an
 * email longer than its stored prefixes also by `emailStartsWith`), or the ids patient-service
 * found by phone.
 */
export type AccountMatch =
  { anyKey: string[]; everyKey: string[]; emailStartsWith?: string } | { ids: string[] };

/** What an erased account holds instead of the person's details: nothing that names them. */
export interface ErasedAccountFields {
  email: string;
  fullName: string;
  passwordHash: string;
}

/** What the admins' list may be narrowed to. */
export interface AccountListFilter {
  role?: UserRole;
  status?: AccountStatus;
  match?: AccountMatch;
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function matchFilter(match: AccountMatch): FilterQuery<Account> {
  if ('ids' in match) return { _id: { $in: match.ids } };
  const filter: FilterQuery<Account> = {
    searchKeys: match.anyKey.length === 1 ? match.anyKey[0] : { $in: match.anyKey },
  };
  // Each further word is its own condition on the same array (`$and`), so all of them hold.
  if (match.everyKey.length > 0) filter.$and = match.everyKey.map((key) => ({ searchKeys: key }));
  if (match.emailStartsWith) filter.email = { $regex: `^${escapeRegex(match.emailStartsWith)}` };
  return filter;
}

/** Every read and write of `users`. */
@Injectable()
export class AccountRepository {
  constructor(@InjectModel(Account.name) private readonly accounts: Model<Account>) {}

  /**
   * Inserts the account with `events` parked in its outbox (one write); rejects with E11000 when
   * the email is taken.
   */
  async create(account: NewAccount, events: EventEnvelope[] = []): Promise<Account> {
    const created = await this.accounts.create({
      ...account,
      searchKeys: accountSearchKeysOf(account.fullName, account.email),
      outbox: events.map(toOutboxEntry),
    });
    return created.toObject<Account>();
  }

  findById(userId: string): Promise<Account | null> {
    return this.accounts.findById(userId).lean<Account>().exec();
  }

  findByEmail(email: string): Promise<Account | null> {
    return this.accounts.findOne({ email: email.toLowerCase() }).lean<Account>().exec();
  }

  /** Only what the gateway's per-request check needs. */
  roleAndStatusOf(userId: string): Promise<Pick<Account, 'role' | 'status' | 'tokenVersion'> | null> {
    return this.accounts
      .findById(userId, { role: 1, status: 1, tokenVersion: 1 })
      .lean<Pick<Account, 'role' | 'status' | 'tokenVersion'>>()
      .exec();
  }

  /** A page of the admins' list or search, newest first; counted ten pages ahead (it grows with the platform). */
  pageForAdmins(
    { role, status, match }: AccountListFilter,
    window: PageWindow,
  ): Promise<{ documents: Account[] } & TotalCountedAhead> {
    const filter: FilterQuery<Account> = match ? matchFilter(match) : {};
    if (role) filter.role = role;
    if (status) filter.status = status;
    return findPageCountingAhead(this.accounts, filter, NEWEST_FIRST, window);
  }

  /** Sets the status with `event` in the same write; answers the account as it now stands. */
  setStatus(userId: string, status: AccountStatus, event: EventEnvelope): Promise<Account | null> {
    return this.endEarlierTokens(userId, { status }, event);
  }

  /**
   * Sets a new password hash and ends every access token issued before (the version goes up), with
   * `event` in the same write; answers the account as it now stands.
   */
  setPassword(userId: string, passwordHash: string, event: EventEnvelope): Promise<Account | null> {
    return this.endEarlierTokens(userId, { passwordHash }, event);
  }

  /** Sets `changes` and raises the token version, with `event` in the same write. */
  private endEarlierTokens(
    userId: string,
    changes: Partial<Pick<Account, 'status' | 'passwordHash'>>,
    event: EventEnvelope,
  ): Promise<Account | null> {
    return this.accounts
      .findByIdAndUpdate(
        userId,
        { $set: changes, $inc: { tokenVersion: 1 }, ...pushToOutbox(event) },
        { new: true },
      )
      .lean<Account>()
      .exec();
  }

  /**
   * Sets the account's language with `event` in the same write, unless it is that already (then
   * nothing is written and no event told). Answers the account as it now stands.
   */
  async setLanguage(userId: string, language: Language, event: EventEnvelope): Promise<Account | null> {
    const changed = await this.accounts
      .findOneAndUpdate(
        { _id: userId, language: { $ne: language } },
        { $set: { language }, ...pushToOutbox(event) },
        { new: true },
      )
      .lean<Account>()
      .exec();
    return changed ?? this.findById(userId);
  }

  /**
   * Replaces everything personal of the account (name, email, password hash) with nothing
   * personal, marks it `erased` and ends its access tokens, with `events` in the same write. Only
   * an account not yet erased matches: answers whether this call erased it.
   */
  async erase(userId: string, replacement: ErasedAccountFields, events: EventEnvelope[]): Promise<boolean> {
    const result = await this.accounts
      .updateOne(
        { _id: userId, status: { $ne: 'erased' } },
        {
          // The admins' search keys are made from the name and email: the erased ones' only.
          $set: {
            ...replacement,
            searchKeys: accountSearchKeysOf(replacement.fullName, replacement.email),
            status: 'erased',
          },
          $unset: { nameChangedAt: '' },
          $inc: { tokenVersion: 1 },
          ...pushToOutbox(...events),
        },
      )
      .exec();
    return result.modifiedCount > 0;
  }

  /**
   * Renames the account of this role to a name its profile took at `at`, unless a later rename
   * was applied already: a redelivered or late event matches nothing. Answers whether it changed.
   */
  async rename(userId: string, role: UserRole, fullName: string, at: Date): Promise<boolean> {
    // The email never changes, so the keys it gives are read once, before the conditional write.
    const account = await this.accounts.findById(userId, { email: 1 }).lean<Pick<Account, 'email'>>().exec();
    if (!account) return false;
    const notNewer: FilterQuery<Account> = {
      _id: userId,
      role,
      // A rename arriving after an erasure must not bring a name back.
      status: { $ne: 'erased' },
      $or: [{ nameChangedAt: { $exists: false } }, { nameChangedAt: { $lt: at } }],
    };
    const searchKeys = accountSearchKeysOf(fullName, account.email);
    const result = await this.accounts
      .updateOne(notNewer, { $set: { fullName, nameChangedAt: at, searchKeys } })
      .exec();
    return result.modifiedCount > 0;
  }

  /** The patient's own account for their data export: what admins see of it, never the password. */
  exportPage(userId: string, cursor: string | undefined): Promise<PatientDataPage> {
    return patientDataPage(this.accounts, { _id: userId }, cursor, (account) => ({
      ...toAccountView(account),
    }));
  }

  /**
   * Once (accounts/search-keys-upgrade.ts): gives every account its search keys, in `_id` order,
   * each write conditional on the name read so that a rename meanwhile wins.
   */
  addSearchKeys(): Promise<number> {
    return rewriteEachInIdOrder<Account, Pick<Account, '_id' | 'fullName' | 'email'>>(
      this.accounts,
      { searchKeys: { $exists: false } },
      { fullName: 1, email: 1 },
      async (account) => {
        const searchKeys = accountSearchKeysOf(account.fullName, account.email);
        const written = await this.accounts
          .updateOne({ _id: account._id, fullName: account.fullName }, { $set: { searchKeys } })
          .exec();
        return written.modifiedCount;
      },
    );
  }
}
