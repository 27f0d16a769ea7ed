import { type EventEnvelope, type ProfileEventTypes } from '@arogyam/contracts';
import { createEvent } from '@arogyam/messaging';
import { pushToOutbox } from '../outbox/outbox-entry.schema';

type RenamedType = (typeof ProfileEventTypes)[keyof typeof ProfileEventTypes];

/** The rename event a profile change makes, if it renames the person (none or one). */
export function renamedEventsOf(
  type: RenamedType,
  userId: string,
  changes: { fullName?: string | null },
): EventEnvelope[] {
  if (typeof changes.fullName !== 'string') return [];
  // Trimmed as the profile stores it (its schema trims).
  return [createEvent(type, { userId, fullName: changes.fullName.trim() })];
}

/**
 * The outbox entry a profile change carries when it renames the person (for `patchById`'s
 * `also`), so the rename event cannot be lost once the new name is stored; nothing otherwise.
 */
export function renamedEventOf(
  type: RenamedType,
  userId: string,
  changes: { fullName?: string | null },
): { $push?: object } {
  const events = renamedEventsOf(type, userId, changes);
  return events.length > 0 ? pushToOutbox(...events) : {};
}
