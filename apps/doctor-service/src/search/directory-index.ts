import { listingOrder, matches, type DirectoryCriteria, type DirectoryRow } from './directory-query';

/** A name key and where its doctor sits in listing order; sorted by key for prefix ranges. */
interface NameKeyPosition {
  key: string;
  position: number;
}

/** Keys never contain U+0001, so the pair is unambiguous. */
const placeKey = (specializationKey: string, cityKey: string): string => `${specializationKey}\u0001${cityKey}`;

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Adds `position` to the list under `key` (positions arrive ascending, so lists stay sorted). */
function addPosition(index: Map<string, number[]>, key: string | undefined, position: number): void {
  if (!key) return;
  const positions = index.get(key);
  if (positions) positions.push(position);
  else index.set(key, [position]);
}

/**
 * The listed doctors in listing order with an index per search criterion: specialization, city
 * and language map to the positions of their doctors, and the name keys are sorted so that a
 * prefix is one binary search. A search walks only the shortest candidate list instead of every
 * doctor, which keeps a busy instance's CPU for answering rather than scanning.
 */
export class DirectoryIndex {
  private readonly ordered: DirectoryRow[];
  private readonly bySpecialization = new Map<string, number[]>();
  private readonly byCity = new Map<string, number[]>();
  /** Specialization and city together: the search patients make most. */
  private readonly bySpecializationInCity = new Map<string, number[]>();
  private readonly byLanguage = new Map<string, number[]>();
  private readonly nameKeys: NameKeyPosition[] = [];

  constructor(rows: Iterable<DirectoryRow>) {
    this.ordered = [...rows].sort(listingOrder);
    this.ordered.forEach((row, position) => {
      addPosition(this.bySpecialization, row.specializationKey, position);
      addPosition(this.byCity, row.cityKey, position);
      if (row.specializationKey && row.cityKey)
        addPosition(this.bySpecializationInCity, placeKey(row.specializationKey, row.cityKey), position);
      for (const language of row.languageKeys) addPosition(this.byLanguage, language, position);
      for (const key of row.nameKeys) this.nameKeys.push({ key, position });
    });
    this.nameKeys.sort((a, b) => byCodeUnits(a.key, b.key));
  }

  get size(): number {
    return this.ordered.length;
  }

  /** Calls `visit` for every matching row in listing order. */
  forEachMatch(criteria: DirectoryCriteria, visit: (row: DirectoryRow) => void): void {
    const candidates = this.candidatePositions(criteria);
    if (candidates === undefined) {
      for (const row of this.ordered) if (matches(row, criteria)) visit(row);
      return;
    }
    for (const position of candidates) {
      const row = this.ordered[position];
      if (matches(row, criteria)) visit(row);
    }
  }

  /** The shortest position list among the criteria given; undefined when none narrows the search. */
  private candidatePositions(criteria: DirectoryCriteria): readonly number[] | undefined {
    const lists: (readonly number[])[] = [];
    const none: readonly number[] = [];
    if (criteria.specializationKey !== undefined && criteria.cityKey !== undefined)
      lists.push(this.bySpecializationInCity.get(placeKey(criteria.specializationKey, criteria.cityKey)) ?? none);
    else if (criteria.specializationKey !== undefined)
      lists.push(this.bySpecialization.get(criteria.specializationKey) ?? none);
    if (criteria.cityKey !== undefined) lists.push(this.byCity.get(criteria.cityKey) ?? none);
    if (criteria.languageKey !== undefined) lists.push(this.byLanguage.get(criteria.languageKey) ?? none);
    if (criteria.namePrefix !== undefined) lists.push(this.positionsWithNamePrefix(criteria.namePrefix));
    if (lists.length === 0) return undefined;
    return lists.reduce((shortest, list) => (list.length < shortest.length ? list : shortest));
  }

  /** Positions (ascending, each once) of doctors with a name key starting with `prefix`. */
  private positionsWithNamePrefix(prefix: string): number[] {
    let low = 0;
    let high = this.nameKeys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.nameKeys[middle].key < prefix) low = middle + 1;
      else high = middle;
    }
    const positions = new Set<number>();
    for (let i = low; i < this.nameKeys.length && this.nameKeys[i].key.startsWith(prefix); i += 1)
      positions.add(this.nameKeys[i].position);
    return [...positions].sort((a, b) => a - b);
  }
}
