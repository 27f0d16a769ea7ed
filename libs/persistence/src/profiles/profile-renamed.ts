import { type ProfileEventTypes } from '@arogyam/contracts';
import { createEvent } from '@arogyam/messaging';
import { pushToOutbox } from '../outbox/outbox-entry.schema';

type RenamedType = (typeof ProfileEventTypes)[keyof typeof ProfileEventTypes];

/**
 * The outbox entry a profile change carries when it renames the person (for `patchById`'s
 * `also`), so the rename event cannot be lost once the new name is stored; nothing otherwise.
 */
export function renamedEventOf(
  type: RenamedType,
  userId: string,
  changes: { fullName?: string | null },
): { $push?: object } {
  if (typeof changes.fullName !== 'string') return {};
  // Trimmed as the profile stores it (its schema trims).
  return pushToOutbox(createEvent(type, { userId, fullName: changes.fullName.trim() }));
}
