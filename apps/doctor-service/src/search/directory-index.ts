import { listingOrder, matches, type DirectoryCriteria, type DirectoryRow } from './directory-query';

/** A name key and where its doctor sits in listing order; sorted by key for prefix ranges. */
interface NameKeyPosition {
  key: string;
  position: number;
}

/** Keys never contain U+0001, so the pair is unambiguous. */
const placeKey = (specializationKey: string, cityKey: string): string =>
  `${specializationKey}\u0001${cityKey}`;

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
    const narrowed = this.narrowest(criteria);
    if (narrowed === undefined) {
      for (const row of this.ordered) if (matches(row, criteria)) visit(row);
      return;
    }
    // What the list already guarantees is not checked again per row.
    const { positions, rest } = narrowed;
    const checkRest = Object.keys(rest).length > 0;
    for (const position of positions) {
      const row = this.ordered[position];
      if (!checkRest || matches(row, rest)) visit(row);
    }
  }

  /** The shortest position list the criteria select, and the criteria it does not cover; undefined when none narrows the search. */
  private narrowest(
    criteria: DirectoryCriteria,
  ): { positions: readonly number[]; rest: DirectoryCriteria } | undefined {
    const { specializationKey, cityKey, languageKey, namePrefix } = criteria;
    const options: { positions: readonly number[]; rest: DirectoryCriteria }[] = [];
    const none: readonly number[] = [];
    if (specializationKey !== undefined && cityKey !== undefined)
      options.push({
        positions: this.bySpecializationInCity.get(placeKey(specializationKey, cityKey)) ?? none,
        rest: { languageKey, namePrefix },
      });
    else if (specializationKey !== undefined)
      options.push({
        positions: this.bySpecialization.get(specializationKey) ?? none,
        rest: { ...criteria, specializationKey: undefined },
      });
    else if (cityKey !== undefined)
      options.push({
        positions: this.byCity.get(cityKey) ?? none,
        rest: { ...criteria, cityKey: undefined },
      });
    if (languageKey !== undefined)
      options.push({
        positions: this.byLanguage.get(languageKey) ?? none,
        rest: { ...criteria, languageKey: undefined },
      });
    if (namePrefix !== undefined)
      options.push({
        positions: this.positionsWithNamePrefix(namePrefix),
        rest: { ...criteria, namePrefix: undefined },
      });
    if (options.length === 0) return undefined;
    const shortest = options.reduce((best, option) =>
      option.positions.length < best.positions.length ? option : best,
    );
    return { positions: shortest.positions, rest: definedOnly(shortest.rest) };
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
    // A doctor can match with several keys; marking positions dedups and orders them in one pass.
    const marked = new Uint8Array(this.ordered.length);
    let first = this.ordered.length;
    let last = -1;
    for (let i = low; i < this.nameKeys.length && this.nameKeys[i].key.startsWith(prefix); i += 1) {
      const { position } = this.nameKeys[i];
      marked[position] = 1;
      if (position < first) first = position;
      if (position > last) last = position;
    }
    const positions: number[] = [];
    for (let position = first; position <= last; position += 1)
      if (marked[position]) positions.push(position);
    return positions;
  }
}

const definedOnly = (criteria: DirectoryCriteria): DirectoryCriteria =>
  Object.fromEntries(Object.entries(criteria).filter(([, value]) => value !== undefined));
