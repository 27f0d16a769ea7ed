import { isDuplicateKey } from '@arogyam/contracts';

/**
 * Runs `write`, an upsert whose filter matches the document only while it holds an older version
 * (`{ _id, version: { $lt: mine } }`), so that the newest version stays whatever order its events
 * arrive in. When a newer version is stored, the filter misses, the upsert tries to insert the
 * taken `_id` and fails with a duplicate key: nothing to do. But when two writes of a document not
 * stored yet run at once, both insert and one fails the same way although it may be the newer;
 * written again, it applies if it is newer (it now finds the older one stored) and misses again if
 * it is older, which is right. Swallowing the first failure lost the newer write.
 */
export async function writeUnlessNewerStored(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    try {
      await write();
    } catch (again) {
      if (!isDuplicateKey(again)) throw again;
    }
  }
}
