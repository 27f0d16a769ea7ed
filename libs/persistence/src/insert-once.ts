import { isDuplicateKey } from '@arogyam/contracts';
import type { FilterQuery, Model, UpdateQuery } from 'mongoose';

/**
 * Creates the document with this `_id` unless it exists, and answers the stored one either way,
 * so a repeated or redelivered create changes nothing. Timestamps are set here, on insert only,
 * for the same reason (mongoose's own would bump `updatedAt` on every repeat).
 */
export async function insertOnce<T>(
  model: Model<T>,
  id: string,
  fields: Record<string, unknown>,
): Promise<T> {
  const byId = { _id: id } as FilterQuery<T>;
  const now = new Date();
  try {
    const stored = await model
      .findOneAndUpdate(
        byId,
        { $setOnInsert: { ...fields, createdAt: now, updatedAt: now } } as UpdateQuery<T>,
        {
          upsert: true,
          new: true,
          setDefaultsOnInsert: true,
          runValidators: true,
          timestamps: false,
        },
      )
      .lean<T>()
      .exec();
    if (stored) return stored;
  } catch (error) {
    // Two creates raced and both tried to insert: the loser hit the unique `_id`.
    if (!isDuplicateKey(error)) throw error;
  }
  const existing = await model.findOne(byId).lean<T>().exec();
  if (!existing) throw new Error(`${model.modelName} ${id} was neither inserted nor found`);
  return existing;
}
