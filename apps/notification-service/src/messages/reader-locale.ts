import type { Language } from '@arogyam/contracts';
import { translatorFor, type Translate } from '@arogyam/service-kit';
import { formatLongTime, formatShortTime } from './format-time';
import { HINDI } from './hi';

/** How one reader reads: their time zone and language (from their preferences). */
export interface ReaderLocale {
  timeZone: string;
  language: Language;
}

/** The means of writing for one reader: their texts, and times in their zone and locale. */
export interface Writer {
  language: Language;
  t: Translate;
  /** `Tuesday, 1 December 2026 at 10:00 am IST`: emails and in-app texts. */
  long(instant: string | Date): string;
  /** `Tue 1 Dec, 10:00 am IST`: SMS. */
  short(instant: string | Date): string;
}

/** notification-service's texts in one language (English is the code's own; Hindi is `hi.ts`). */
export const textsIn = (language: Language): Translate => translatorFor(language, { hi: HINDI });

export const writerFor = ({ timeZone, language }: ReaderLocale): Writer => ({
  language,
  t: textsIn(language),
  long: (instant) => formatLongTime(instant, timeZone, language),
  short: (instant) => formatShortTime(instant, timeZone, language),
});
