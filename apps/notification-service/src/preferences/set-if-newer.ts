import type { FilterQuery, Model, UpdateQuery } from 'mongoose';
import { isDuplicateKey } from '@arogyam/contracts';
import type { Preferences } from './preferences.schema';

/** A copied value and when it was set (`atPath`), to set on a user's preferences document. */
export interface DatedChange {
  atPath: string;
  at: Date;
  /** Paths to set besides `atPath`. */
  set: Record<string, unknown>;
  /** Paths to remove (a value known to be absent). */
  unset?: string[];
}

/**
 * Applies the change, creating the user's document if they have none, unless a later one was
 * applied already (`atPath` newer): a redelivered or late event then changes nothing. Copies of
 * what other services own (the account's language, the contact) are kept this way.
 */
export async function setIfNewer(
  preferences: Model<Preferences>,
  userId: string,
  { atPath, at, set, unset = [] }: DatedChange,
): Promise<void> {
  const notNewer: FilterQuery<Preferences> = {
    _id: userId,
    $or: [{ [atPath]: { $exists: false } }, { [atPath]: { $lt: at } }],
  };
  const fields = { ...set, [atPath]: at };
  const change: UpdateQuery<Preferences> =
    unset.length > 0
      ? { $set: fields, $unset: Object.fromEntries(unset.map((path) => [path, 1])) }
      : { $set: fields };
  const updated = await preferences.updateOne(notNewer, change).exec();
  if (updated.matchedCount > 0) return;
  try {
    // No document, or one with a newer change, which $setOnInsert leaves as it is.
    await preferences.updateOne({ _id: userId }, { $setOnInsert: fields }, { upsert: true }).exec();
  } catch (error) {
    // The user's first two writes raced and both tried to insert; the second now updates.
    if (!isDuplicateKey(error)) throw error;
    await preferences.updateOne(notNewer, change).exec();
  }
}
