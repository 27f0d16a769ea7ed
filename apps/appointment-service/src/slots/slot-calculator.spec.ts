import { DateTime } from 'luxon';
import { localDayBounds, slotsBetween, slotStartingAt, type WorkingSchedule } from './slot-calculator';

const everyDay = (start: string, end: string) =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end }));
const newYorkMornings: WorkingSchedule = {
  timezone: 'America/New_York',
  slotMinutes: 60,
  weekly: everyDay('09:00', '12:00'),
};
const starts = (schedule: WorkingSchedule, from: string, to: string): string[] =>
  slotsBetween(schedule, new Date(from), new Date(to)).map((slot) => slot.startAt);

describe('slotsBetween', () => {
  it('keeps a New York 09:00 start across the March change: 14:00Z before, 13:00Z after', () => {
    expect(starts(newYorkMornings, '2026-03-07T00:00:00Z', '2026-03-10T00:00:00Z')).toEqual([
      '2026-03-07T14:00:00.000Z',
      '2026-03-07T15:00:00.000Z',
      '2026-03-07T16:00:00.000Z',
      // 2026-03-08 is the change day itself (02:00 → 03:00): already daylight time by 09:00.
      '2026-03-08T13:00:00.000Z',
      '2026-03-08T14:00:00.000Z',
      '2026-03-08T15:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
      '2026-03-09T14:00:00.000Z',
      '2026-03-09T15:00:00.000Z',
    ]);
  });

  it('and back across the November change: 13:00Z before, 14:00Z after', () => {
    const [saturday, sunday, monday] = ['2026-10-31', '2026-11-01', '2026-11-02'].map(
      (date) => starts(newYorkMornings, `${date}T00:00:00Z`, `${date}T23:59:00Z`)[0],
    );
    expect([saturday, sunday, monday]).toEqual([
      '2026-10-31T13:00:00.000Z',
      '2026-11-01T14:00:00.000Z',
      '2026-11-02T14:00:00.000Z',
    ]);
  });

  it('skips local times the spring-forward gap removes, and lasts real minutes', () => {
    const night: WorkingSchedule = {
      timezone: 'America/New_York',
      slotMinutes: 30,
      weekly: [{ weekday: 7, start: '01:00', end: '04:00' }],
    };

    const slots = slotsBetween(night, new Date('2026-03-08T00:00:00Z'), new Date('2026-03-09T00:00:00Z'));

    // 01:00, 01:30 EST; 02:00 and 02:30 do not exist; 03:00, 03:30 EDT.
    expect(slots).toEqual([
      { startAt: '2026-03-08T06:00:00.000Z', endAt: '2026-03-08T06:30:00.000Z' },
      { startAt: '2026-03-08T06:30:00.000Z', endAt: '2026-03-08T07:00:00.000Z' },
      { startAt: '2026-03-08T07:00:00.000Z', endAt: '2026-03-08T07:30:00.000Z' },
      { startAt: '2026-03-08T07:30:00.000Z', endAt: '2026-03-08T08:00:00.000Z' },
    ]);
  });

  it('offers a local time that occurs twice (November) once, with no overlapping slots', () => {
    const night: WorkingSchedule = {
      timezone: 'America/New_York',
      slotMinutes: 30,
      weekly: [{ weekday: 7, start: '00:30', end: '03:00' }],
    };

    const slots = slotsBetween(night, new Date('2026-11-01T00:00:00Z'), new Date('2026-11-02T00:00:00Z'));

    expect(
      slots.map((slot) => DateTime.fromISO(slot.startAt, { zone: 'America/New_York' }).toFormat('HH:mm')),
    ).toEqual(['00:30', '01:00', '01:30', '02:00', '02:30']);
    for (let index = 1; index < slots.length; index++) {
      expect(slots[index].startAt >= slots[index - 1].endAt).toBe(true);
    }
  });

  it('gives an Asia/Kolkata doctor the same UTC instants all year, which a London patient sees an hour apart', () => {
    const kolkata: WorkingSchedule = {
      timezone: 'Asia/Kolkata',
      slotMinutes: 30,
      weekly: [{ weekday: 1, start: '09:00', end: '10:00' }],
    };

    const january = starts(kolkata, '2027-01-04T00:00:00Z', '2027-01-05T00:00:00Z');
    const july = starts(kolkata, '2027-07-05T00:00:00Z', '2027-07-06T00:00:00Z');

    expect(january).toEqual(['2027-01-04T03:30:00.000Z', '2027-01-04T04:00:00.000Z']);
    expect(july).toEqual(['2027-07-05T03:30:00.000Z', '2027-07-05T04:00:00.000Z']);
    const inLondon = (instant: string): string =>
      DateTime.fromISO(instant, { zone: 'Europe/London' }).toFormat('HH:mm');
    expect(january.map(inLondon)).toEqual(['03:30', '04:00']);
    expect(july.map(inLondon)).toEqual(['04:30', '05:00']);
  });

  it('leaves out exception dates, which are local dates of the doctor', () => {
    const kolkata: WorkingSchedule = {
      timezone: 'Asia/Kolkata',
      slotMinutes: 60,
      weekly: everyDay('00:00', '02:00'),
      exceptions: [{ date: '2027-01-05' }],
    };

    // 2027-01-05 00:00 in Kolkata is 2027-01-04T18:30Z: the exception is the doctor's day, not UTC's.
    expect(starts(kolkata, '2027-01-04T12:00:00Z', '2027-01-06T12:00:00Z')).toEqual([
      '2027-01-05T18:30:00.000Z',
      '2027-01-05T19:30:00.000Z',
    ]);
  });

  it('includes a slot starting at `from` and excludes one starting at `to`', () => {
    expect(starts(newYorkMornings, '2027-01-04T14:00:00Z', '2027-01-04T16:00:00Z')).toEqual([
      '2027-01-04T14:00:00.000Z',
      '2027-01-04T15:00:00.000Z',
    ]);
  });

  it('orders windows of one day by time, whatever order they were given in', () => {
    const split: WorkingSchedule = {
      timezone: 'UTC',
      slotMinutes: 60,
      weekly: [
        { weekday: 1, start: '14:00', end: '15:00' },
        { weekday: 1, start: '09:00', end: '10:00' },
      ],
    };
    expect(starts(split, '2027-01-04T00:00:00Z', '2027-01-05T00:00:00Z')).toEqual([
      '2027-01-04T09:00:00.000Z',
      '2027-01-04T14:00:00.000Z',
    ]);
  });
});

describe('slotStartingAt', () => {
  it('finds only a slot that starts exactly then', () => {
    expect(slotStartingAt(newYorkMornings, new Date('2027-01-04T15:00:00Z'))).toEqual({
      startAt: '2027-01-04T15:00:00.000Z',
      endAt: '2027-01-04T16:00:00.000Z',
    });
    expect(slotStartingAt(newYorkMornings, new Date('2027-01-04T15:30:00Z'))).toBeUndefined();
    expect(slotStartingAt(newYorkMornings, new Date('2027-01-04T17:00:00Z'))).toBeUndefined();
  });
});

describe('localDayBounds', () => {
  it('spans 23 hours on the March change day and 25 on the November one', () => {
    const hours = (date: string): number => {
      const { start, end } = localDayBounds(date, 'America/New_York');
      return (end.getTime() - start.getTime()) / 3_600_000;
    };
    expect(localDayBounds('2026-03-08', 'America/New_York').start.toISOString()).toBe(
      '2026-03-08T05:00:00.000Z',
    );
    expect(hours('2026-03-08')).toBe(23);
    expect(hours('2026-11-01')).toBe(25);
    expect(hours('2026-11-02')).toBe(24);
  });
});

describe('slotsBetween over a whole year, against luxon slot by slot', () => {
  /** The plain reading of the rule: every wall-clock slot start that exists that day, via luxon. */
  function referenceSlots(timezone: string, slotMinutes: number, from: Date, to: Date): string[] {
    const starts = new Set<string>();
    for (
      let day = DateTime.fromJSDate(from, { zone: timezone }).startOf('day');
      day.toJSDate() < to;
      day = day.plus({ days: 1 })
    ) {
      for (let minute = 0; minute + slotMinutes <= 24 * 60; minute += slotMinutes) {
        const hour = Math.floor(minute / 60);
        const time = DateTime.fromObject(
          { year: day.year, month: day.month, day: day.day, hour, minute: minute % 60 },
          { zone: timezone },
        );
        const instant = time.toJSDate();
        if (time.hour === hour && time.minute === minute % 60 && instant >= from && instant < to)
          starts.add(instant.toISOString());
      }
    }
    return [...starts].sort();
  }

  it.each([
    'America/New_York',
    'Europe/London',
    'Asia/Kolkata',
    'Australia/Lord_Howe',
    'America/Santiago',
    'Asia/Tehran',
  ])('gives the same starts every day of 2027 in %s', (timezone) => {
    const from = new Date('2027-01-01T00:00:00Z');
    const to = new Date('2028-01-01T00:00:00Z');
    const schedule = {
      timezone,
      slotMinutes: 30,
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
    };
    const starts = slotsBetween(schedule, from, to).map((slot) => slot.startAt);
    expect(new Set(starts).size).toBe(starts.length);
    expect(starts).toEqual(referenceSlots(timezone, 30, from, to));
  });
});
