import type { SetAvailabilityDto } from '@arogyam/contracts';
import { minutesOfDay, scheduleProblems } from './schedule-rules';

const schedule = (weekly: SetAvailabilityDto['weekly'], slotMinutes = 30): SetAvailabilityDto => ({
  timezone: 'Asia/Kolkata',
  slotMinutes,
  weekly,
});

describe('scheduleProblems', () => {
  it('accepts windows that hold whole slots, back to back or on other days', () => {
    expect(
      scheduleProblems(
        schedule([
          { weekday: 1, start: '09:00', end: '12:00' },
          { weekday: 1, start: '12:00', end: '13:30' },
          { weekday: 2, start: '09:00', end: '24:00' },
        ]),
      ),
    ).toEqual([]);
  });

  it('finds an overlap with a long earlier window, not only with the one just before', () => {
    expect(
      scheduleProblems(
        schedule([
          { weekday: 3, start: '09:00', end: '17:00' },
          { weekday: 3, start: '10:00', end: '11:00' },
          { weekday: 3, start: '12:00', end: '13:00' },
        ]),
      ),
    ).toEqual([
      { field: 'weekly.1', problem: 'overlaps weekly.0' },
      { field: 'weekly.2', problem: 'overlaps weekly.0' },
    ]);
  });

  it('reads 24:00 as the end of the day', () => {
    expect(minutesOfDay('24:00')).toBe(1440);
    expect(minutesOfDay('09:05')).toBe(545);
  });
});
