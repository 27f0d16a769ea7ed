import { foldedWords, nameWords } from './folded-words';
import type { TextSpan } from './text-span';

/** Longer names are matched on their given and family name pair only. */
const LONGEST_NAME_WORDS = 6;

/**
 * What a case may not hold of one patient's name: the whole name, and for a name of three words
 * or more its given and family name (first and last word) either way round. A name of one word
 * is that word. A lone given name of a longer name is never matched: "Ravi" is too common to
 * stand for one patient, and refusing it would refuse every case with the word in it.
 */
function forbiddenSequences(name: string): string[] {
  const words = nameWords(name).slice(0, LONGEST_NAME_WORDS);
  if (words.length === 0) return [];
  if (words.length === 1) return words[0].length >= 2 ? [words[0]] : [];
  const given = words[0];
  const family = words[words.length - 1];
  return [words.join(' '), `${given} ${family}`, `${family} ${given}`];
}

/** The names as one lookup of word sequences, built once per check. */
export class PatientNameIndex {
  private readonly sequences = new Set<string>();
  private longest = 0;

  constructor(names: readonly string[]) {
    for (const name of names) {
      for (const sequence of forbiddenSequences(name)) {
        this.sequences.add(sequence);
        this.longest = Math.max(this.longest, sequence.split(' ').length);
      }
    }
  }

  /**
   * The places the text names a patient: whole words, case and Latin accents aside, so "arjun
   * DEV" and "Arjun Dév" find "Arjun Dev" but "Arjunan Devi" does not. Longest match first at
   * each word, and matches do not overlap.
   */
  find(text: string): TextSpan[] {
    if (this.sequences.size === 0) return [];
    const words = foldedWords(text);
    const spans: TextSpan[] = [];
    for (let first = 0; first < words.length;) {
      let matched = 0;
      for (let count = Math.min(this.longest, words.length - first); count >= 1 && matched === 0; count--) {
        const sequence = words
          .slice(first, first + count)
          .map((word) => word.key)
          .join(' ');
        if (this.sequences.has(sequence)) matched = count;
      }
      if (matched > 0) {
        spans.push({ start: words[first].start, end: words[first + matched - 1].end });
        first += matched;
      } else first += 1;
    }
    return spans;
  }
}
