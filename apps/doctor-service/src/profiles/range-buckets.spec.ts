import { bucketsCovering, bucketsOf, type BucketLevel } from './range-buckets';

const LEVELS: BucketLevel[] = [
  { tag: 'u', size: 1 },
  { tag: 't', size: 10 },
  { tag: 'h', size: 100 },
];

/** Whether a value is in the range as the database would answer: any of its buckets among the covering. */
const matches = (value: number, covering: string[]): boolean =>
  bucketsOf(value, LEVELS).some((bucket) => covering.includes(bucket));

describe('range buckets', () => {
  it('stores a value at every level', () => {
    expect(bucketsOf(347, LEVELS)).toEqual(['u347', 't34', 'h3']);
  });

  it('tiles a range with the largest buckets that fit', () => {
    expect(bucketsCovering(97, 312, LEVELS)).toEqual([
      'u97',
      'u98',
      'u99',
      'h1',
      'h2',
      't30',
      'u310',
      'u311',
    ]);
  });

  it('matches exactly the values in the range, each once', () => {
    for (const [from, to] of [
      [0, 1000],
      [13, 14],
      [5, 95],
      [100, 200],
      [250, 251],
    ]) {
      const covering = bucketsCovering(from, to, LEVELS);
      for (let value = 0; value < 1100; value += 1) {
        const hits = bucketsOf(value, LEVELS).filter((bucket) => covering.includes(bucket)).length;
        expect([value, hits]).toEqual([value, value >= from && value < to ? 1 : 0]);
      }
      expect(matches(from, covering)).toBe(true);
    }
  });

  it('covers nothing for an empty range', () => {
    expect(bucketsCovering(40, 40, LEVELS)).toEqual([]);
  });
});
