/**
 * Longer than any query string the apps build; a longer one is not filed (it is validated each
 * time), so the filed strings stay small next to the pages they lead to.
 */
const LONGEST_SPELLING = 512;

/**
 * The query strings, exactly as sent, that searches kept in SentSearchPages were asked with, each
 * filed under the key of its validated query, so a repeated search is found before validation.
 * Sound because validation is a function of the string alone: a string that once validated to a
 * key always does. A string leads only to a key, and the answer is still read from the cache, so
 * nothing is ever sent that the cache has dropped; the strings of a key go when its answer does
 * (`forgetKey`). Many spellings of one query (reordered, repeated, encoded otherwise) count
 * against the same bound as different queries, the oldest filed going first.
 */
export class SearchSpellings {
  /** In filing order, so the first is the oldest when full. */
  private readonly keyBySpelling = new Map<string, string>();
  private readonly spellingsByKey = new Map<string, Set<string>>();

  constructor(private readonly entries: number) {}

  keyOf(spelling: string): string | undefined {
    return this.keyBySpelling.get(spelling);
  }

  file(spelling: string, key: string): void {
    if (spelling.length > LONGEST_SPELLING || this.keyBySpelling.get(spelling) === key) return;
    this.forgetSpelling(spelling);
    if (this.keyBySpelling.size >= this.entries) {
      const oldest = this.keyBySpelling.keys().next().value;
      if (oldest !== undefined) this.forgetSpelling(oldest);
    }
    this.keyBySpelling.set(spelling, key);
    let spellings = this.spellingsByKey.get(key);
    if (!spellings) this.spellingsByKey.set(key, (spellings = new Set()));
    spellings.add(spelling);
  }

  /** The key's answer went: its spellings go with it. */
  forgetKey(key: string): void {
    for (const spelling of this.spellingsByKey.get(key) ?? []) this.keyBySpelling.delete(spelling);
    this.spellingsByKey.delete(key);
  }

  /** How many strings are filed (for tests). */
  get size(): number {
    return this.keyBySpelling.size;
  }

  private forgetSpelling(spelling: string): void {
    const key = this.keyBySpelling.get(spelling);
    if (key === undefined) return;
    this.keyBySpelling.delete(spelling);
    const spellings = this.spellingsByKey.get(key);
    spellings?.delete(spelling);
    if (spellings?.size === 0) this.spellingsByKey.delete(key);
  }
}
