import type { Language } from '@arogyam/contracts';

/** The English text (the key, as the code writes it, `{{name}}` for a value) → its translation. */
export type Catalogue = Readonly<Record<string, string>>;

/** Writes one text in one language, its `{{name}}` places filled with the values given. */
export type Translate = (text: string, values?: Readonly<Record<string, string | number>>) => string;

const fill = (text: string, values: Readonly<Record<string, string | number>>): string =>
  text.replace(/\{\{(\w+)\}\}/g, (place, name: string) => (name in values ? String(values[name]) : place));

/**
 * The texts a service writes (notifications, receipts, PDFs) in the reader's language, as the apps'
 * pages do: keys are the English text, English needs no catalogue, and a text missing from a
 * language's catalogue is written in English rather than lost (each service's catalogue spec fails
 * on one). A service keeps its own catalogues: its texts are its own.
 */
export function translatorFor(
  language: Language,
  catalogues: Partial<Record<Language, Catalogue>>,
): Translate {
  const catalogue = catalogues[language];
  return (text, values = {}) => fill(catalogue?.[text] ?? text, values);
}
