import { validateSync } from 'class-validator';
import { IsPastDate } from './past-date';

class Born {
  @IsPastDate()
  on: string;
}

const valid = (on: string): boolean => validateSync(Object.assign(new Born(), { on })).length === 0;

describe('IsPastDate', () => {
  it('takes 1900-01-01 to today', () => {
    expect(valid('1900-01-01')).toBe(true);
    expect(valid('1987-06-15')).toBe(true);
    expect(valid(new Date().toISOString().slice(0, 10))).toBe(true);
  });

  it('refuses before 1900 and after today', () => {
    expect(valid('1899-12-31')).toBe(false);
    expect(valid('9999-12-31')).toBe(false);
    expect(valid(new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10))).toBe(false);
  });
});
