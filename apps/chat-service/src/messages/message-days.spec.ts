import { Types } from 'mongoose';
import {
  MAX_DAYS_PER_QUERY,
  SHORT_ROOM_MESSAGES,
  dayWindows,
  daysBetweenIds,
  isShortRoom,
  messageDay,
  pageDays,
  type RoomTimeline,
} from './message-days';

const idAt = (iso: string): string => Types.ObjectId.createFromTime(Date.parse(iso) / 1000).toHexString();

describe('message days', () => {
  const now = new Date('2026-12-05T12:00:00Z');
  const room: RoomTimeline = {
    roomId: 'd:p',
    openedAt: new Date('2026-11-20T08:00:00Z'),
    newestId: idAt('2026-12-01T09:30:00Z'),
    messageCount: 500,
  };

  it("is the UTC day of the id's second", () => {
    expect(messageDay(idAt('2026-12-05T23:59:59Z'))).toBe('2026-12-05');
    expect(messageDay(new Types.ObjectId(idAt('2026-12-06T00:00:00Z')))).toBe('2026-12-06');
  });

  it('a newest page reads the days around now, then from the newest recorded message back to the opening', () => {
    const days = pageDays(room, {}, now);
    expect(days?.slice(0, 3)).toEqual(['2026-12-05', '2026-12-01', '2026-11-30']);
    expect(days?.at(-1)).toBe('2026-11-20');
    expect(days).toHaveLength(1 + 12);
  });

  it('a page before a message starts at its day; after one stops at its day', () => {
    expect(pageDays(room, { before: idAt('2026-11-25T10:00:00Z') }, now)).toEqual([
      '2026-11-25',
      '2026-11-24',
      '2026-11-23',
      '2026-11-22',
      '2026-11-21',
      '2026-11-20',
    ]);
    expect(pageDays(room, { after: idAt('2026-11-30T10:00:00Z') }, now)).toEqual([
      '2026-12-05',
      '2026-12-01',
      '2026-11-30',
    ]);
    expect(
      pageDays(room, { after: idAt('2026-11-28T10:00:00Z'), before: idAt('2026-11-29T10:00:00Z') }, now),
    ).toEqual(['2026-11-29', '2026-11-28']);
  });

  it('reads no day outside the room’s own, whatever the cursors', () => {
    const newestPage = pageDays(room, {}, now);
    expect(pageDays(room, { before: 'ffffffffffffffffffffffff' }, now)).toEqual(newestPage);
    expect(pageDays(room, { after: '000000000000000000000000' }, now)).toEqual(newestPage);
    // Before an id in the silent days after the newest recorded message: those days are skipped.
    expect(pageDays(room, { before: idAt('2026-12-03T10:00:00Z') }, now)).toEqual(newestPage?.slice(1));
  });

  it('covers a message stored just over midnight, and a room opened just after it', () => {
    const nearMidnight = new Date('2026-12-05T23:58:00Z');
    expect(pageDays(room, {}, nearMidnight)?.slice(0, 2)).toEqual(['2026-12-06', '2026-12-05']);
    const openedAtMidnight = { ...room, openedAt: new Date('2026-11-20T00:01:00Z') };
    expect(pageDays(openedAtMidnight, {}, now)?.at(-1)).toBe('2026-11-19');
  });

  it('walks from now when the room records no newest message, and gives up without an opening', () => {
    const unrecorded = { roomId: 'd:p', openedAt: new Date('2026-12-03T08:00:00Z') };
    expect(pageDays(unrecorded, {}, now)).toEqual(['2026-12-05', '2026-12-04', '2026-12-03']);
    expect(pageDays({ roomId: 'd:p' }, {}, now)).toBeUndefined();
    expect(pageDays({ roomId: 'd:p' }, { after: idAt('2026-12-04T10:00:00Z') }, now)).toEqual([
      '2026-12-05',
      '2026-12-04',
    ]);
  });

  it('reads a room whole only while its recorded messages fit one page', () => {
    expect(isShortRoom({ roomId: 'd:p', messageCount: SHORT_ROOM_MESSAGES })).toBe(true);
    expect(isShortRoom({ roomId: 'd:p', messageCount: SHORT_ROOM_MESSAGES + 1 })).toBe(false);
    // A room from before the count may be long.
    expect(isShortRoom({ roomId: 'd:p' })).toBe(false);
  });

  it('reads 1, 2, 4 … days at a time, never more than 64', () => {
    const days = Array.from({ length: 300 }, (_, n) => `day${n}`);
    const windows = [...dayWindows(days)];
    expect(windows.map((window) => window.length)).toEqual([1, 2, 4, 8, 16, 32, 64, 64, 64, 45]);
    expect(windows.flat()).toEqual(days);
  });

  it('groups the days between two messages for counting', () => {
    const groups = daysBetweenIds(idAt('2026-06-01T10:00:00Z'), idAt('2026-12-05T10:00:00Z'));
    expect(groups.flat()).toHaveLength(188);
    expect(groups.every((group) => group.length <= MAX_DAYS_PER_QUERY)).toBe(true);
    expect(groups[0][0]).toBe('2026-12-05');
    expect(groups.at(-1)?.at(-1)).toBe('2026-06-01');
  });
});
