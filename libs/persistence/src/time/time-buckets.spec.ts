import { utcDay, utcDaysBetween, utcHour, utcHoursBetween } from './time-buckets';

describe('time buckets', () => {
  it('names the UTC day and hour of an instant', () => {
    const at = new Date('2026-12-05T23:59:59.999+05:30');
    expect(utcDay(at)).toBe('2026-12-05');
    expect(utcHour(at)).toBe('2026-12-05T18');
  });

  it('lists the days a range touches, excluding its end', () => {
    expect(utcDaysBetween(new Date('2026-12-05T18:30:00Z'), new Date('2026-12-06T18:30:00Z'))).toEqual([
      '2026-12-05',
      '2026-12-06',
    ]);
    expect(utcDaysBetween(new Date('2026-12-05T00:00:00Z'), new Date('2026-12-06T00:00:00Z'))).toEqual([
      '2026-12-05',
    ]);
    expect(utcDaysBetween(new Date('2026-12-30T00:00:00Z'), new Date('2027-01-02T00:00:01Z'))).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
    expect(utcDaysBetween(new Date('2026-12-05T10:00:00Z'), new Date('2026-12-05T10:00:00Z'))).toEqual([]);
  });

  it('lists the hours a range touches', () => {
    expect(utcHoursBetween(new Date('2026-12-05T10:59:00Z'), new Date('2026-12-05T12:00:00Z'))).toEqual([
      '2026-12-05T10',
      '2026-12-05T11',
    ]);
  });
});
