import { Types } from 'mongoose';
import { MAX_CHAT_PAGE_SIZE } from '@arogyam/contracts';
import { utcDay, utcDaysBetween } from '@arogyam/persistence';

/**
 * Which UTC days of a room a query reads. FerretDB costs what the equality part of a filter
 * matches, and a range on `_id` is not part of it, so a message carries the UTC day of its id
 * (`day`) and queries name the days they need (`{roomId, day: {$in}}`) beside the exact `_id`
 * bounds. Ids sort by creation, so days do too: walking the days newest first walks the ids.
 */

/** A room whose recorded messages fit in one page is read whole: cheaper than probing its days. */
export const SHORT_ROOM_MESSAGES = MAX_CHAT_PAGE_SIZE;

/**
 * Days per query at most. Each day is one index probe (~0.1 ms); PostgreSQL's plan of a longer
 * `$in` grows worse than linearly (measured at 512 days: 1.3 s, docs/decisions.md).
 */
export const MAX_DAYS_PER_QUERY = 64;

/** How far apart the instances' clocks (and a message in flight) may be. */
const CLOCK_SLACK_MS = 5 * 60_000;

/** What the room knows of its messages, which bounds the days a query must read. */
export interface RoomTimeline {
  roomId: string;
  /** When the room was opened: no message is older. */
  openedAt?: Date;
  /** Its newest message as recorded on the room (`lastMessage.id`). */
  newestId?: string;
  /** How many messages it has recorded; unknown for a room from before the count. */
  messageCount?: number;
}

/** Message ids bounding a page: older than `before`, newer than `after`. */
export interface MessageCursor {
  before?: string;
  after?: string;
}

const idTime = (id: string | Types.ObjectId): Date => new Types.ObjectId(id).getTimestamp();

/** A message's bucket: the UTC day of its id's second (what cursors and read pointers compare). */
export const messageDay = (id: string | Types.ObjectId): string => utcDay(idTime(id));

/** Every UTC day from `newest` back to `oldest`, newest first, both included. */
export const daysNewestFirst = (oldest: Date, newest: Date): string[] =>
  utcDaysBetween(oldest, new Date(newest.getTime() + 1)).reverse();

export const isShortRoom = (room: RoomTimeline): boolean =>
  room.messageCount !== undefined && room.messageCount <= SHORT_ROOM_MESSAGES;

const later = (a: Date | undefined, b: Date | undefined): Date | undefined =>
  a && b ? (a > b ? a : b) : (a ?? b);

/**
 * The days that may hold a page's messages, newest first; undefined when nothing bounds them from
 * below (a room without its opening time, and no `after`), and the page must read the room whole.
 *
 * A page before a recorded message starts at that message's day. The newest page (or one before
 * an id newer than anything recorded) starts at the room's newest recorded message, plus the days
 * around now for a message stored but not yet recorded on the room (clocks a little apart); the
 * empty days between are skipped (a message is recorded right after it is stored). A room with no
 * recorded message is walked from now. No page goes past the room's opening or `after`, so a
 * cursor from far in the future or the past costs no more than the room's own days.
 */
export function pageDays(room: RoomTimeline, cursor: MessageCursor, now: Date): string[] | undefined {
  const opened = room.openedAt && new Date(new Date(room.openedAt).getTime() - CLOCK_SLACK_MS);
  const oldest = later(opened, cursor.after ? idTime(cursor.after) : undefined);
  if (!oldest) return undefined;
  const recordedFrom = room.newestId ? idTime(room.newestId) : now;
  const before = cursor.before ? idTime(cursor.before) : undefined;
  if (before && before <= recordedFrom) return daysNewestFirst(oldest, before);
  const inFlight = daysNewestFirst(
    new Date(now.getTime() - CLOCK_SLACK_MS),
    new Date(now.getTime() + CLOCK_SLACK_MS),
  );
  const [oldestDay, newestDay] = [utcDay(oldest), before ? utcDay(before) : undefined];
  return [...new Set([...inFlight, ...daysNewestFirst(oldest, recordedFrom)])]
    .filter((day) => day >= oldestDay && (!newestDay || day <= newestDay))
    .sort()
    .reverse();
}

/**
 * The days of a page in the order they are read: 1, 2, 4 … 64 days at a time, so a busy room's
 * page usually ends in its first query and a quiet one's takes few.
 */
export function* dayWindows(days: string[]): Generator<string[]> {
  for (
    let start = 0, size = 1;
    start < days.length;
    start += size, size = Math.min(size * 2, MAX_DAYS_PER_QUERY)
  ) {
    yield days.slice(start, start + size);
  }
}

/** The days of the messages after `afterId` up to `upToId`, in groups of at most MAX_DAYS_PER_QUERY. */
export function daysBetweenIds(afterId: string, upToId: string): string[][] {
  const days = daysNewestFirst(idTime(afterId), idTime(upToId));
  const groups: string[][] = [];
  for (let start = 0; start < days.length; start += MAX_DAYS_PER_QUERY) {
    groups.push(days.slice(start, start + MAX_DAYS_PER_QUERY));
  }
  return groups;
}
