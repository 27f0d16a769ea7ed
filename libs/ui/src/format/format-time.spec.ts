import { formatDateTime, formatDateTimeRange, zoneAbbreviation } from './format-time';

describe('times name their zone', () => {
  const instant = '2026-12-01T04:30:00.000Z';

  it('abbreviates India, and a zone with summer time as it was at that instant', () => {
    expect(zoneAbbreviation(new Date(instant), 'Asia/Kolkata')).toBe('IST');
    expect(zoneAbbreviation(new Date('2026-07-01T12:00:00Z'), 'Europe/London')).toBe('GMT+1');
    expect(zoneAbbreviation(new Date('2026-12-01T12:00:00Z'), 'Europe/London')).toBe('GMT');
  });

  it("a date and time, or a range, ends with the viewer's zone", () => {
    const zone = zoneAbbreviation(new Date(instant));
    expect(zone).not.toBe('');
    expect(formatDateTime(instant)).toMatch(new RegExp(`, \\d{2}:\\d{2} ${zone.replace('+', '\\+')}$`));
    expect(formatDateTimeRange(instant, '2026-12-01T05:00:00.000Z')).toMatch(
      new RegExp(`, \\d{2}:\\d{2}–\\d{2}:\\d{2} ${zone.replace('+', '\\+')}$`),
    );
  });

  it('leaves text that is not an instant as it is', () => {
    expect(formatDateTime('soon')).toBe('soon');
  });
});
