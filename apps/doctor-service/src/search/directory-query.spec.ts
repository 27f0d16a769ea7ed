import { criteriaOf, listingOrder, matches, toDirectoryRow, type DirectoryRow } from './directory-query';
import type { DirectoryEntry } from './directory-entry';

const entry = (overrides: Partial<DirectoryEntry>): DirectoryRow =>
  toDirectoryRow({
    _id: 'id-1',
    fullName: 'Meera Iyer',
    specialization: 'Cardiology',
    city: 'Bengaluru',
    languages: ['English', 'Kannada'],
    yearsOfExperience: 10,
    consultationFee: { amount: 50000, currency: 'INR' },
    rating: 4.5,
    reviewCount: 10,
    specializationKey: 'cardiology',
    cityKey: 'bengaluru',
    languageKeys: ['english', 'kannada'],
    nameKeys: ['meera iyer', 'meera', 'iyer'],
    ...overrides,
  });

describe('directory query', () => {
  it('matches specialization, city and language exactly, ignoring case and spaces', () => {
    expect(
      matches(
        entry({}),
        criteriaOf({ specialization: '  CARDIOLOGY ', city: 'bengaluru', language: 'Kannada' }),
      ),
    ).toBe(true);
    expect(matches(entry({}), criteriaOf({ specialization: 'Cardio' }))).toBe(false);
    expect(matches(entry({}), criteriaOf({ language: 'Hindi' }))).toBe(false);
    expect(matches(entry({ cityKey: undefined }), criteriaOf({ city: 'Bengaluru' }))).toBe(false);
  });

  it('matches a name prefix of the whole name or any word of it', () => {
    expect(matches(entry({}), criteriaOf({ q: 'IY' }))).toBe(true);
    expect(matches(entry({}), criteriaOf({ q: 'meera i' }))).toBe(true);
    expect(matches(entry({}), criteriaOf({ q: 'yer' }))).toBe(false);
  });

  it('orders by rating, reviews, name, then id, so pages are stable', () => {
    const doctors = [
      entry({ _id: 'c', fullName: 'B', rating: 4 }),
      entry({ _id: 'b', fullName: 'A', rating: 4, reviewCount: 10 }),
      entry({ _id: 'a', fullName: 'A', rating: 4, reviewCount: 10 }),
      entry({ _id: 'd', fullName: 'Z', rating: 5 }),
      entry({ _id: 'e', fullName: 'C', rating: 4, reviewCount: 50 }),
    ];
    expect(doctors.sort(listingOrder).map((d) => d._id)).toEqual(['d', 'e', 'a', 'b', 'c']);
  });
});
