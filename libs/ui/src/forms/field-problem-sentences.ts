import { translate as t } from '../i18n/i18n';

/**
 * The server's validation problems ("must be an email", "must be longer than or equal to 8
 * characters": class-validator's words, without the field's name) as sentences for the person at
 * the form. A problem no rule knows is shown as it came, as a sentence.
 */
const RULES: [RegExp, (match: RegExpExecArray) => string][] = [
  [/^(must not be empty|should not be empty|is required)$/, () => t('This is required.')],
  [/^must be an email$/, () => t('Enter an email address, like name@example.com.')],
  [/^must be longer than or equal to 1 characters$/, () => t('This is required.')],
  [
    /^must be longer than or equal to (\d+) characters$/,
    ([, n]) => t('Use at least {{n}} characters.', { n }),
  ],
  [
    /^must be shorter than or equal to (\d+) characters$/,
    ([, n]) => t('Use at most {{n}} characters.', { n }),
  ],
  [/^must not be less than (-?[\d.]+)$/, ([, n]) => t('Enter {{n}} or more.', { n })],
  [/^must not be greater than (-?[\d.]+)$/, ([, n]) => t('Enter {{n}} or less.', { n })],
  [/^must be an integer number$/, () => t('Enter a whole number.')],
  [/^must be a number.*$/, () => t('Enter a number.')],
  [
    /^must be one of the following values: (.+)$/,
    ([, values]) => t('Choose one of: {{values}}.', { values: values.replace(/,(?=\S)/g, ', ') }),
  ],
  [/^must be a valid ISO 8601 date string$/, () => t('Enter a date.')],
  [/^must be a boolean value$/, () => t('Choose yes or no.')],
  [/^property \S+ should not exist$/, () => t('This field is not accepted here.')],
  [
    /^is required: read and accept the privacy notice$/,
    () => t('Read the privacy notice and tick the box to accept it.'),
  ],
  [/^is not the current version/, () => t('The privacy notice has changed. Read it again and accept it.')],
];

export function problemSentence(problem: string): string {
  const text = problem.trim();
  // A rule on each entry of a list ("each value in chronicConditions must be …"): the entry's sentence.
  const each = /^each value in \S+ (.+)$/.exec(text);
  if (each) {
    const sentence = problemSentence(each[1]);
    return t('Each entry: {{sentence}}', {
      sentence: `${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}`,
    });
  }
  for (const [pattern, sentence] of RULES) {
    const match = pattern.exec(text);
    if (match) return sentence(match);
  }
  if (!text) return t('This is not valid.');
  const capitalised = `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}
