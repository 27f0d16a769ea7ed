import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import hindi from './hi.json';

/** The languages the apps speak, each named in itself (the switch shows them so). */
export const LANGUAGES = [
  { code: 'en', name: 'English', locale: 'en-IN' },
  { code: 'hi', name: 'हिन्दी', locale: 'hi-IN' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

/** A catalogue: the English text (the key, as the code writes it) → its translation. */
export type Catalogue = Record<string, string>;

const STORAGE_KEY = 'arogyam.language';

const isLanguage = (value: unknown): value is Language =>
  LANGUAGES.some((language) => language.code === value);

function rememberedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : 'en';
  } catch {
    return 'en'; // storage refused (private mode): English, not remembered
  }
}

/**
 * The apps' one i18next instance. Keys are the English text itself (`t('My appointments')`), so
 * English needs no catalogue of its own and a missing Hindi entry shows English, never a key;
 * the catalogue test (i18n/catalogue-complete.spec.ts) fails on any text without its Hindi.
 * `:` and `.` are ordinary characters in such keys, so i18next's separators are off.
 */
export const i18n: I18n = i18next.createInstance();

/** Starts the instance with the apps' catalogue; once, before the first render. */
export function startI18n(): I18n {
  if (i18n.isInitialized) return i18n;
  void i18n.use(initReactI18next).init({
    lng: rememberedLanguage(),
    fallbackLng: false,
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false }, // React escapes
    returnEmptyString: false,
    initAsync: false,
    resources: { hi: { translation: hindi as Catalogue } },
  });
  document.documentElement.lang = i18n.language;
  return i18n;
}

/** Switches every page to the language and remembers it on this device. */
export async function setLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered; the switch still applies to this visit.
  }
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

/** The Intl locale of the current language: dates, times and money are written per locale. */
export function currentLocale(): string {
  return LANGUAGES.find((language) => language.code === i18n.language)?.locale ?? 'en-IN';
}

/** For code outside React components (formatters, messages built in hooks). */
export const translate = (text: string, values?: Record<string, unknown>): string =>
  i18n.isInitialized ? String(i18n.t(text, values ?? {})) : interpolate(text, values);

const interpolate = (text: string, values: Record<string, unknown> = {}): string =>
  text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
