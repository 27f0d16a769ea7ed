import type { FilterQuery, Model, UpdateQuery } from 'mongoose';
import type { AccountStatus } from '@arogyam/contracts';
import type { PersonProfile } from './person-profile.schema';

/**
 * Applies a suspend/reactivate to a profile in one conditional write: only if the event is newer
 * than the last one applied. A redelivered event, or one overtaken by a later change, matches
 * nothing and changes nothing. Answers whether the profile changed.
 */
export async function applyAccountStatus<T extends PersonProfile>(
  profiles: Model<T>,
  userId: string,
  status: AccountStatus,
  occurredAt: Date,
): Promise<boolean> {
  const lastChangeOlder: FilterQuery<PersonProfile> = {
    _id: userId,
    // `null` also matches a profile that has never had a status event.
    $or: [{ accountStatusChangedAt: null }, { accountStatusChangedAt: { $lt: occurredAt } }],
  };
  const change: UpdateQuery<PersonProfile> = {
    $set: { accountStatus: status, accountStatusChangedAt: occurredAt },
  };
  const result = await profiles.updateOne(lastChangeOlder as FilterQuery<T>, change as UpdateQuery<T>).exec();
  return result.modifiedCount > 0;
}
