import type { FilterQuery, Model, UpdateQuery } from 'mongoose';
import { DomainError, type FieldProblem } from '@arogyam/contracts';

export interface PatchUpdate {
  $set?: Record<string, unknown>;
  $unset?: Record<string, ''>;
}

/**
 * A validated PATCH body as one update: a value sets the field, `null` clears it, an absent field
 * is left alone. A required field cannot be cleared (validators let `null` through as "optional",
 * so this is where it is refused). Empty operators are left out.
 */
export function toPatchUpdate(body: object, required: readonly string[]): PatchUpdate {
  const $set: Record<string, unknown> = {};
  const $unset: Record<string, ''> = {};
  const problems: FieldProblem[] = [];
  for (const [field, value] of Object.entries(body) as [string, unknown][]) {
    if (value === undefined) continue;
    if (value !== null) $set[field] = value;
    else if (required.includes(field)) problems.push({ field, problem: 'cannot be cleared' });
    else $unset[field] = '';
  }
  if (problems.length > 0) throw DomainError.badRequest('The request has invalid fields.', problems);
  return {
    ...(Object.keys($set).length > 0 ? { $set } : {}),
    ...(Object.keys($unset).length > 0 ? { $unset } : {}),
  };
}

/**
 * Applies a PATCH body to one document in a single atomic update (or just reads it when the body
 * changes nothing) and answers the document as it now stands, or null if there is none. `also`
 * joins that same update when it changes something: operators the patch does not use, such as
 * the outbox `$push` of the event the change makes.
 */
export async function patchById<T>(
  model: Model<T>,
  id: string,
  body: object,
  required: readonly string[],
  also: { $push?: object } = {},
): Promise<T | null> {
  const update = toPatchUpdate(body, required);
  const byId = { _id: id } as FilterQuery<T>;
  if (!update.$set && !update.$unset) return model.findOne(byId).lean<T>().exec();
  return model
    .findOneAndUpdate(byId, { ...update, ...also } as UpdateQuery<T>, { new: true, runValidators: true })
    .lean<T>()
    .exec();
}
