import type { FilterQuery, Model, SortOrder } from 'mongoose';
import type { PageWindow } from './pagination';

/**
 * One page of the documents matching `filter`, in `sort` order, and how many match in all: the
 * two queries every paged list makes, side by side. `sort` should end on a unique field (`_id`)
 * so that pages never repeat or skip a document.
 */
export async function findPage<T>(
  model: Model<T>,
  filter: FilterQuery<T>,
  sort: Record<string, SortOrder>,
  window: PageWindow,
): Promise<{ documents: T[]; total: number }> {
  const [documents, total] = await Promise.all([
    model.find(filter).sort(sort).skip(window.skip).limit(window.limit).lean<T[]>().exec(),
    model.countDocuments(filter).exec(),
  ]);
  return { documents, total };
}
