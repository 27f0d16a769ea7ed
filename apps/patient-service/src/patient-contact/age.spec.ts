import { ageOn } from './age';

describe('ageOn', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageOn('1991-06-15', new Date('2026-06-14T23:59:00Z'))).toBe(34);
    expect(ageOn('1991-06-15', new Date('2026-06-15T00:00:00Z'))).toBe(35);
    expect(ageOn('1991-06-15', new Date('2026-12-05T10:00:00Z'))).toBe(35);
    expect(ageOn('2026-01-01', new Date('2026-12-31T10:00:00Z'))).toBe(0);
  });
});
