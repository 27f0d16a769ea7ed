import type { Schema } from 'mongoose';

/**
 * Marks a document whose outbox holds events (`outboxPending: true`), so that the relay's sweep
 * finds the few such documents through an index (`{outboxPending: 1}`) instead of reading the
 * whole collection: "has a non-empty array" is a query no index serves on FerretDB, and a range
 * scan of a multikey index on MongoDB. The mark is set by the same write that parks an event
 * (every insert with events, every update that `$push`es to `outbox`), so no writer can forget it,
 * and the relay clears it when it empties the outbox.
 */
export function outboxPlugin(schema: Schema): void {
  schema.add({ outboxPending: { type: Boolean } });
  schema.index({ outboxPending: 1 }, { sparse: true });

  schema.pre('validate', function markParkedEvents() {
    const outbox = this.get('outbox') as unknown[] | undefined;
    if (outbox && outbox.length > 0) this.set('outboxPending', true);
  });

  schema.pre(['updateOne', 'updateMany', 'findOneAndUpdate'], function markPushedEvents() {
    const update = this.getUpdate() as { $push?: Record<string, unknown> } | null;
    if (update?.$push && 'outbox' in update.$push) this.set('outboxPending', true);
  });
}
