import type { ApiError } from '@arogyam/ui';
import { CONTROL_ORDER, controlIdOf } from './case-study-draft';

/** The server's problems with a case, as sentences per control id (several may share one). */
export type CaseProblems = Record<string, string>;

/** Groups the error's details by the control they belong to; `tags[2]` belongs to the tags input. */
export function caseProblemsOf(error: ApiError): CaseProblems {
  const byControl: Record<string, string[]> = {};
  for (const { field, problem } of error.details ?? []) {
    const sentence = /[.!?]$/.test(problem) ? problem : `${problem}.`;
    (byControl[controlIdOf(field)] ??= []).push(sentence.charAt(0).toUpperCase() + sentence.slice(1));
  }
  return Object.fromEntries(Object.entries(byControl).map(([id, sentences]) => [id, sentences.join(' ')]));
}

/** The first control with a problem, in page order (texts, then images). */
export function firstProblemControl(problems: CaseProblems): string | undefined {
  const ids = Object.keys(problems);
  const ordered = CONTROL_ORDER.map(controlIdOf).find((id) => ids.includes(id));
  return ordered ?? ids.sort()[0];
}
