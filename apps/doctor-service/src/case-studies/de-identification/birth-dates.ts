import { spansOf, type TextSpan } from './text-span';

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?';
const YEAR = '(?:1[89]\\d{2}|20\\d{2})';

/** "12/03/1985", "12-3-85", "12.03.1985" (day and month either way round), "1985-03-12". */
const NUMERIC = `(?:(?:0?[1-9]|[12]\\d|3[01])[./-](?:0?[1-9]|[12]\\d|3[01])[./-](?:${YEAR}|\\d{2})|${YEAR}-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\\d|3[01]))`;
/** "12 March 1985", "12th of Mar, 1985", "March 12, 1985". */
const WORDED = `(?:${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}|${MONTH}\\s+${DAY},?\\s+${YEAR})`;
const FULL_DATE = `(?:${NUMERIC}|${WORDED})`;
/** After "born", a month and year is enough to find someone: "born in March 1985", "DOB 03/1985". */
const MONTH_AND_YEAR = `(?:${MONTH},?\\s+${YEAR}|(?:0?[1-9]|1[0-2])[./-]${YEAR})`;

const EDGE_BEFORE = '(?<![\\p{L}\\p{N}])';
const EDGE_AFTER = '(?![\\p{L}\\p{N}])';

/** A date after "DOB", "D.O.B.", "date of birth", "birth date" or "born (on|in)". */
const BIRTH_CONTEXT = new RegExp(
  `${EDGE_BEFORE}(?:d\\.?o\\.?b\\.?|date\\s+of\\s+birth|birth\\s?date|born)[\\s:,.-]*(?:(?:on|in)\\s+)?(?:${FULL_DATE}|${MONTH_AND_YEAR})${EDGE_AFTER}`,
  'iu',
);
const ANY_FULL_DATE = new RegExp(`${EDGE_BEFORE}${FULL_DATE}${EDGE_AFTER}`, 'iu');

/**
 * Dates of birth (kind `date_of_birth`): a full date, or a month and year, after a birth word.
 * A year alone ("born in 1985") passes, as in HIPAA's Safe Harbor rule.
 */
export const birthDatesIn = (text: string): TextSpan[] => spansOf(BIRTH_CONTEXT, text);

/**
 * Any other full calendar date, day, month and year (kind `full_date`): next to an age it finds
 * the birth date, so a case counts in days and ages ("on day 3", "aged 54"), not calendar dates.
 */
export const fullDatesIn = (text: string): TextSpan[] => spansOf(ANY_FULL_DATE, text);
