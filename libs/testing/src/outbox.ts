import type { Connection } from 'mongoose';
import { waitFor } from './ports';

/**
 * Waits until the outbox relay has published every event parked in a document and pulled it from
 * the document's `outbox`. On FerretDB 1.24 two updates of one document at the same instant can
 * lose one, so a test that updates a document right after a write waits for this first.
 */
export const waitForOutboxDrained = (
  db: Connection,
  collection: string,
  documentId: string,
  timeoutMs = 10000,
): Promise<boolean> =>
  waitFor(
    async () => {
      const stored = await db
        .collection(collection)
        .findOne({ _id: documentId } as object, { projection: { outbox: 1 } });
      return Array.isArray(stored?.outbox) && stored.outbox.length === 0;
    },
    timeoutMs,
    `the outbox of ${collection} ${documentId} to drain`,
  );
