import { isoInstant } from './iso-instant';

describe('isoInstant', () => {
  it('formats like toISOString for whole minutes across years, days and before 1970', () => {
    const samples = [
      0,
      -60_000,
      Date.UTC(2027, 2, 14, 6, 30),
      Date.UTC(2028, 1, 29, 23, 59),
      Date.UTC(1969, 11, 31, 23, 1),
    ];
    for (let ms = Date.UTC(2026, 10, 1); ms < Date.UTC(2026, 11, 3); ms += 7 * 60_000) samples.push(ms);
    for (const ms of samples) expect(isoInstant(ms)).toBe(new Date(ms).toISOString());
  });

  it('falls back to toISOString for instants between minutes', () => {
    const ms = Date.UTC(2026, 10, 25, 10, 15, 42, 123);
    expect(isoInstant(ms)).toBe('2026-11-25T10:15:42.123Z');
  });
});
