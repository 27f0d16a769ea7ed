import { Types } from 'mongoose';

/**
 * The id of a room's next message: a fresh ObjectId, unless that would not sort after the room's
 * newest message. ObjectIds order by their creating second and then by a per-process random
 * value, so two chat-service instances (or clocks a little apart) could give a later message a
 * smaller id, and a reconnecting client asking for what came `after` its last message would miss
 * it. Then the id takes the newest message's second plus one, with this process's own random
 * value and counter (unique for this process), so ids follow the order of sends that do not
 * overlap, whichever instance handles them.
 */
export function nextMessageId(newestId?: string): Types.ObjectId {
  const fresh = new Types.ObjectId();
  const hex = fresh.toHexString();
  if (!newestId || hex > newestId) return fresh;
  const nextSecond = parseInt(newestId.slice(0, 8), 16) + 1;
  return new Types.ObjectId(`${nextSecond.toString(16).padStart(8, '0')}${hex.slice(8)}`);
}
