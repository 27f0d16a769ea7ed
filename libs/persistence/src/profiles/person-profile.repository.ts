import type { FilterQuery, Model, UpdateQuery } from 'mongoose';
import type { AccountStatus } from '@arogyam/contracts';
import { insertOnce } from '../insert-once';
import { patchById } from '../patch-by-id';
import type { PersonProfile } from './person-profile.schema';

/** Where a profile service applies user-service's suspend/reactivate events. */
export interface AccountStatusStore {
  applyAccountStatus(userId: string, status: AccountStatus, occurredAt: Date): Promise<boolean>;
}

/**
 * What doctor-service's and patient-service's profile repositories share: a profile is keyed by
 * its user id, so every query here is by `_id` (the unique `_id_` index). Each service's
 * repository extends this with the queries only its collection has.
 */
export abstract class PersonProfileRepository<T extends PersonProfile> implements AccountStatusStore {
  protected constructor(protected readonly profiles: Model<T>) {}

  findById(userId: string): Promise<T | null> {
    return this.profiles.findById(userId).lean<T>().exec();
  }

  /** Creates the profile unless it exists; answers the stored one either way (see insertOnce). */
  createOnce(userId: string, fields: Record<string, unknown>): Promise<T> {
    return insertOnce(this.profiles, userId, fields);
  }

  /** A PATCH body as one update, with `also` (an outbox `$push`) in the same write (see patchById). */
  patch(
    userId: string,
    body: object,
    required: readonly string[],
    also: { $push?: object } = {},
  ): Promise<T | null> {
    return patchById(this.profiles, userId, body, required, also);
  }

  /**
   * Applies a suspend/reactivate in one conditional write: only if the event is newer than the
   * last one applied. A redelivered event, or one overtaken by a later change, matches nothing
   * and changes nothing. Answers whether the profile changed.
   */
  async applyAccountStatus(userId: string, status: AccountStatus, occurredAt: Date): Promise<boolean> {
    const lastChangeOlder: FilterQuery<PersonProfile> = {
      _id: userId,
      // `null` also matches a profile that has never had a status event.
      $or: [{ accountStatusChangedAt: null }, { accountStatusChangedAt: { $lt: occurredAt } }],
    };
    const change: UpdateQuery<PersonProfile> = {
      $set: { accountStatus: status, accountStatusChangedAt: occurredAt },
    };
    const result = await this.profiles
      .updateOne(lastChangeOlder as FilterQuery<T>, change as UpdateQuery<T>)
      .exec();
    return result.modifiedCount > 0;
  }
}
