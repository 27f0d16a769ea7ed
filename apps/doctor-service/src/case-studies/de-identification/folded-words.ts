import type { TextSpan } from './text-span';

/** Latin accents (U+0300–U+036F) only: Devanagari's vowel signs are combining marks too, and are letters. */
const LATIN_ACCENTS = /[\u0300-\u036f]/g;
const LETTERS = /[\p{L}\p{M}]+/gu;

/** A word of a text, compared without case or Latin accents, and where it stands in the original. */
export interface FoldedWord extends TextSpan {
  key: string;
}

const fold = (character: string): string =>
  character.normalize('NFD').replace(LATIN_ACCENTS, '').normalize('NFC').toLowerCase();

/**
 * The text's words (runs of letters; digits, spaces and punctuation part them), each folded so
 * "José" and "JOSE" are "jose", with its place in the original text: folding may change a
 * word's length, so places come from the original, never from the folded text.
 */
export function foldedWords(text: string): FoldedWord[] {
  const words: FoldedWord[] = [];
  for (const match of text.matchAll(LETTERS)) {
    const start = match.index ?? 0;
    words.push({ key: fold(match[0]), start, end: start + match[0].length });
  }
  return words;
}

/** A name's words as keys ("Dr. José  D'Souza" → ["dr", "jose", "d", "souza"]). */
export const nameWords = (name: string): string[] => foldedWords(name).map((word) => word.key);
