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

/** A write error of a bulk insert, as the driver reports each (`index` into the batch, `code`). */
interface BulkWriteFailure {
  index?: number;
  code?: number;
  err?: { index?: number; code?: number };
}

/**
 * Inserts each document unless one with its `_id` exists, all in one write (`insertMany`,
 * unordered), and answers the ids this call stored: the claim of many notices at once, where a
 * redelivered event finds its ids taken. Any failure but a taken `_id` is thrown.
 */
export async function insertEachOnce<T extends { _id: string }>(
  model: Model<T>,
  documents: T[],
): Promise<Set<string>> {
  const ids = documents.map((document) => document._id);
  if (documents.length === 0) return new Set();
  try {
    await model.insertMany(documents, { ordered: false });
    return new Set(ids);
  } catch (error) {
    const { writeErrors } = (error ?? {}) as { writeErrors?: BulkWriteFailure | BulkWriteFailure[] };
    const failures = writeErrors === undefined ? [] : [writeErrors].flat();
    const taken = failures.map((failure) => ({
      index: failure.index ?? failure.err?.index,
      code: failure.code ?? failure.err?.code,
    }));
    if (
      taken.length === 0 ||
      taken.some((failure) => !isDuplicateKey(failure) || failure.index === undefined)
    )
      throw error;
    const takenIndexes = new Set(taken.map((failure) => failure.index));
    return new Set(ids.filter((_, index) => !takenIndexes.has(index)));
  }
}

/**
 * As `insertEachOnce`, for documents of which some are likely stored already (a room a pair has,
 * a consultation a later event wrote): one read of which `_id`s are taken, then one insert of the
 * rest. Without the read, FerretDB inserts the whole batch one statement per document as soon as
 * one `_id` is taken; on MongoDB the read is one indexed read. Answers the ids this call stored.
 */
export async function insertEachMissing<T extends { _id: string }>(
  model: Model<T>,
  documents: T[],
): Promise<Set<string>> {
  if (documents.length <= 1) return insertEachOnce(model, documents);
  const stored = await model
    .find({ _id: { $in: documents.map((document) => document._id) } } as FilterQuery<T>, { _id: 1 })
    .lean<Array<{ _id: string }>>()
    .exec();
  const taken = new Set(stored.map((document) => document._id));
  return insertEachOnce(
    model,
    documents.filter((document) => !taken.has(document._id)),
  );
}
