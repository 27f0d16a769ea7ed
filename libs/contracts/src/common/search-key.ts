/** Latin accents (U+0300–U+036F) only: Devanagari's vowel signs are combining marks too, and are letters. */
const LATIN_ACCENTS = /[\u0300-\u036f]/g;

/**
 * How a value is compared in search: case, Latin accents and surrounding or repeated spaces do
 * not matter. Queries go through the same function, so "  Cardiology" finds "cardiology " and
 * "Jose" finds "José". (Doctor search and the admins' user search.)
 */
export const searchKey = (value: string): string =>
  value
    .normalize('NFD')
    .replace(LATIN_ACCENTS, '')
    .normalize('NFC')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
