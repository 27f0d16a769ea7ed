import { DirectoryIndex } from './directory-index';
import {
  listingOrder,
  matches,
  toDirectoryRow,
  type DirectoryCriteria,
  type DirectoryRow,
} from './directory-query';

const SPECIALIZATIONS = ['cardiology', 'dermatology', 'ent'];
const CITIES = ['pune', 'kochi', 'delhi'];
const LANGUAGES = ['english', 'hindi', 'tamil', 'bengali'];
const NAMES = ['meera iyer', 'meena das', 'arjun iyengar', 'mehul rao', 'irfan khan'];

/** A deterministic pseudo-random sequence, so a failure is reproducible. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function doctors(count: number): DirectoryRow[] {
  const random = sequence(42);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  return Array.from({ length: count }, (_, i) => {
    const name = pick(NAMES);
    return toDirectoryRow({
      _id: `doctor-${i}`,
      fullName: name,
      specialization: 'x',
      languages: [],
      yearsOfExperience: 1,
      consultationFee: { amount: 100, currency: 'INR' },
      rating: Math.floor(random() * 5),
      reviewCount: Math.floor(random() * 3),
      specializationKey: pick(SPECIALIZATIONS),
      ...(random() < 0.9 ? { cityKey: pick(CITIES) } : {}),
      languageKeys: [...new Set([pick(LANGUAGES), pick(LANGUAGES)])],
      nameKeys: [name, ...name.split(' ')],
    });
  });
}

const found = (index: DirectoryIndex, criteria: DirectoryCriteria): string[] => {
  const ids: string[] = [];
  index.forEachMatch(criteria, (row) => ids.push(row._id));
  return ids;
};

const scanned = (rows: DirectoryRow[], criteria: DirectoryCriteria): string[] =>
  [...rows]
    .sort(listingOrder)
    .filter((row) => matches(row, criteria))
    .map((row) => row._id);

describe('directory index', () => {
  const rows = doctors(600);
  const index = new DirectoryIndex(rows);
  const criteria: DirectoryCriteria[] = [
    {},
    { specializationKey: 'cardiology' },
    { cityKey: 'kochi' },
    { languageKey: 'tamil' },
    { namePrefix: 'me' },
    { namePrefix: 'iyer' },
    { namePrefix: 'meera i' },
    { namePrefix: 'i' },
    { specializationKey: 'ent', cityKey: 'pune', languageKey: 'hindi' },
    { specializationKey: 'dermatology', namePrefix: 'ir' },
    { cityKey: 'delhi', namePrefix: 'arjun' },
    { specializationKey: 'neurology' },
    { namePrefix: 'zz' },
    { namePrefix: 'yer' },
  ];

  it.each(criteria)('finds exactly what a full scan finds, in listing order: %j', (search) => {
    const expected = scanned(rows, search);
    expect(found(index, search)).toEqual(expected);
  });

  it('finds something for the non-empty searches (the comparison above is not vacuous)', () => {
    expect(found(index, { namePrefix: 'me' }).length).toBeGreaterThan(100);
    expect(
      found(index, { specializationKey: 'ent', cityKey: 'pune', languageKey: 'hindi' }).length,
    ).toBeGreaterThan(0);
    expect(found(index, { namePrefix: 'zz' })).toEqual([]);
  });

  it('lists a doctor once even when several of their name keys match the prefix', () => {
    const single = new DirectoryIndex(
      doctors(1).map((row) => ({ ...row, nameKeys: ['iyer', 'iyengar', 'iyer x'] })),
    );
    expect(found(single, { namePrefix: 'iy' })).toHaveLength(1);
  });
});
