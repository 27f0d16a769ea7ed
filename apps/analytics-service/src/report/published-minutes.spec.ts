import { DateTime } from 'luxon';
import type { PublishedSchedule } from '../read-model/published-schedule.schema';
import { publishedMinutes } from './published-minutes';

const schedule = (
  from: string,
  timezone: string,
  weekly: PublishedSchedule['weekly'],
  unavailableDates: string[] = [],
): PublishedSchedule => ({
  _id: from,
  doctorId: 'd',
  from: new Date(from),
  timezone,
  weekly,
  unavailableDates,
});

const range = (from: string, to: string, zone: string) =>
  [
    DateTime.fromISO(from, { zone }).startOf('day'),
    DateTime.fromISO(to, { zone }).plus({ days: 1 }).startOf('day'),
  ] as const;

describe('publishedMinutes', () => {
  it('counts wall-clock windows across a DST change as the time they really last', () => {
    // 29 March 2026: London's clocks go from 01:00 to 02:00, so Sunday 00:00–04:00 lasts three hours.
    const hours = [
      schedule('2026-03-01T00:00:00Z', 'Europe/London', [{ weekday: 7, start: '00:00', end: '04:00' }]),
    ];
    expect(publishedMinutes(hours, ...range('2026-03-29', '2026-03-29', 'Europe/London'))).toBe(180);
    expect(publishedMinutes(hours, ...range('2026-03-22', '2026-03-22', 'Europe/London'))).toBe(240);
  });

  it("takes '24:00' as the next midnight, skips unavailable dates and counts each schedule while it is in force", () => {
    const zone = 'Asia/Kolkata';
    const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
    const hours = [
      schedule('2026-10-01T00:00:00+05:30', zone, allDay, ['2026-11-03']),
      // From noon on the 4th: mornings only.
      schedule(
        '2026-11-04T12:00:00+05:30',
        zone,
        allDay.map((day) => ({ ...day, end: '12:00' })),
      ),
    ];
    // 2nd: 24 h; 3rd: unavailable; 4th: 12 h under the first, its afternoon under the second is closed; 5th: 12 h.
    expect(publishedMinutes(hours, ...range('2026-11-02', '2026-11-05', zone))).toBe((24 + 0 + 12 + 12) * 60);
  });

  it('clips windows to the range, in the schedule’s own zone whatever the report’s', () => {
    const hours = [
      schedule('2026-01-01T00:00:00Z', 'Asia/Kolkata', [{ weekday: 1, start: '09:00', end: '13:00' }]),
    ];
    // Monday 2 November 2026 09:00–13:00 in India is 03:30–07:30 UTC; a UTC day from 05:00 holds 2.5 h of it.
    const start = DateTime.fromISO('2026-11-02T05:00:00Z');
    expect(publishedMinutes(hours, start, start.plus({ hours: 19 }))).toBe(150);
  });
});
