import type { Connection, FilterQuery, Model } from 'mongoose';

/** The collection where each database notes the one-off upgrades it has had (`_id`: the upgrade's name). */
const UPGRADES = 'upgrades';

interface UpgradeMarker {
  _id: string;
  doneAt: Date;
  changed: number;
}

/**
 * Runs `upgrade` on a database written by an earlier version unless the marker says it ran, then
 * sets the marker: one read of one document on every later start, never a scan. An upgrade must be
 * safe while the service serves and safe to run twice (two instances starting at once may both
 * run it); a failure leaves no marker, so the next start tries again. Answers what it changed, or
 * undefined when it had run before.
 */
export async function runOneOffUpgrade(
  connection: Connection,
  name: string,
  upgrade: () => Promise<number>,
): Promise<number | undefined> {
  const markers = connection.collection<UpgradeMarker>(UPGRADES);
  if (await markers.findOne({ _id: name })) return undefined;
  const changed = await upgrade();
  await markers.updateOne({ _id: name }, { $setOnInsert: { doneAt: new Date(), changed } }, { upsert: true });
  return changed;
}

/** How many documents an upgrade reads at a time. */
const UPGRADE_BATCH = 500;

/**
 * An upgrade's walk: the documents matching `filter`, `projection` only, in `_id` order, a batch at
 * a time, each given to `rewrite` (which answers how many it changed: 0 or 1). Answers the sum.
 */
export async function rewriteEachInIdOrder<T, D extends { _id: string }>(
  model: Model<T>,
  filter: FilterQuery<T>,
  projection: Record<string, 1>,
  rewrite: (document: D) => Promise<number>,
): Promise<number> {
  let changed = 0;
  let after = '';
  for (;;) {
    const batch = await model
      .find({ ...filter, _id: { $gt: after } } as FilterQuery<T>, projection)
      .sort({ _id: 1 })
      .limit(UPGRADE_BATCH)
      .lean<D[]>()
      .exec();
    for (const document of batch) changed += await rewrite(document);
    if (batch.length < UPGRADE_BATCH) return changed;
    after = batch[batch.length - 1]._id;
  }
}
