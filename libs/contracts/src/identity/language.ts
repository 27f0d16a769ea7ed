import { IsIn } from 'class-validator';

/**
 * The languages Arogyam writes in: the apps' pages, and what the services write (notifications,
 * emails, SMS, receipts, prescription PDFs). An account's own choice; English until it makes one.
 */
export const LANGUAGES = ['en', 'hi'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** The Intl locale each language writes dates, times and money in (Latin digits in both). */
export const LOCALES: Record<Language, string> = { en: 'en-IN', hi: 'hi-IN' };

/**
 * The first language of an `Accept-Language` header that Arogyam writes (`hi-IN,hi;q=0.9` → hi),
 * in the order of its q-values; English when none is, or the header is missing or malformed.
 */
export function languageOfAcceptLanguage(header: string | undefined): Language {
  if (!header) return DEFAULT_LANGUAGE;
  const ranked = header
    .slice(0, 500)
    .split(',')
    .map((part, index) => {
      const [range, ...params] = part.trim().split(';');
      const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find(Boolean);
      return { base: range.trim().toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter(({ base, q }) => isLanguage(base) && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (ranked[0]?.base as Language | undefined) ?? DEFAULT_LANGUAGE;
}

/** `PATCH /api/users/me/preferences`: the account's language (the one choice it keeps there). */
export class UpdateAccountPreferencesDto {
  @IsIn(LANGUAGES, { message: `must be one of: ${LANGUAGES.join(', ')}` })
  language: Language;
}

/** What `GET`/`PATCH /api/users/me/preferences` answer. */
export interface AccountPreferencesView {
  language: Language;
}
