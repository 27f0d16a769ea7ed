/**
 * The server's validation problems ("must be an email", "must be longer than or equal to 8
 * characters": class-validator's words, without the field's name) as sentences for the person at
 * the form. A problem no rule knows is shown as it came, as a sentence.
 */
const RULES: [RegExp, (match: RegExpExecArray) => string][] = [
  [/^(must not be empty|should not be empty|is required)$/, () => 'This is required.'],
  [/^must be an email$/, () => 'Enter an email address, like name@example.com.'],
  [/^must be longer than or equal to 1 characters$/, () => 'This is required.'],
  [/^must be longer than or equal to (\d+) characters$/, ([, n]) => `Use at least ${n} characters.`],
  [/^must be shorter than or equal to (\d+) characters$/, ([, n]) => `Use at most ${n} characters.`],
  [/^must not be less than (-?[\d.]+)$/, ([, n]) => `Enter ${n} or more.`],
  [/^must not be greater than (-?[\d.]+)$/, ([, n]) => `Enter ${n} or less.`],
  [/^must be an integer number$/, () => 'Enter a whole number.'],
  [/^must be a number.*$/, () => 'Enter a number.'],
  [
    /^must be one of the following values: (.+)$/,
    ([, values]) => `Choose one of: ${values.replace(/,(?=\S)/g, ', ')}.`,
  ],
  [/^must be a valid ISO 8601 date string$/, () => 'Enter a date.'],
  [/^must be a boolean value$/, () => 'Choose yes or no.'],
  [/^property \S+ should not exist$/, () => 'This field is not accepted here.'],
];

export function problemSentence(problem: string): string {
  const text = problem.trim();
  // A rule on each entry of a list ("each value in chronicConditions must be …"): the entry's sentence.
  const each = /^each value in \S+ (.+)$/.exec(text);
  if (each) {
    const sentence = problemSentence(each[1]);
    return `Each entry: ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}`;
  }
  for (const [pattern, sentence] of RULES) {
    const match = pattern.exec(text);
    if (match) return sentence(match);
  }
  if (!text) return 'This is not valid.';
  const capitalised = `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}
