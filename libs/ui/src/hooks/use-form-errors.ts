import { useState } from 'react';
import type { ErrorCode } from '@arogyam/contracts';
import { toApiError, type FieldProblem } from '../api/api-error';
import { problemSentence } from '../forms/field-problem-sentences';

/**
 * Wording for the form banner by the error's code (`{ wrong_password: '…' }`): screens decide on
 * codes, never on status or text (docs/api.md, "Error codes"). An answer without a finer code has
 * its status's (`conflict` for a 409): the gateway writes it.
 */
export type StatusMessages = Partial<Record<ErrorCode, string>>;

export type FieldErrors = Record<string, string>;

const DEFAULT_MESSAGES: StatusMessages = {
  not_signed_in: 'Your session has ended. Please log in again.',
  too_many_requests: 'Too many attempts. Please wait a minute and try again.',
};

/**
 * Maps the server's 400 `details` onto the form's fields, each problem as a sentence for people
 * (problemSentence). Nested names (`consultationFee.amount`) also count for their top-level field,
 * so the problem shows next to the input the user typed in.
 */
export function fieldErrorsFrom(details: readonly FieldProblem[] = []): FieldErrors {
  const errors: FieldErrors = {};
  for (const { field, problem } of details) {
    const sentence = problemSentence(problem);
    errors[field] ??= sentence;
    errors[topLevelField(field)] ??= sentence;
  }
  return errors;
}

export interface FormErrors {
  fieldErrors: FieldErrors;
  formError: string | null;
  showError(thrown: unknown): void;
  clearErrors(): void;
}

/**
 * Turns a failed request into what a form shows: field errors beside the inputs listed in `fields`,
 * and everything else (including problems with fields the form does not show) in the banner.
 */
export function useFormErrors(fields: readonly string[], messages: StatusMessages = {}): FormErrors {
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const showError = (thrown: unknown) => {
    const error = toApiError(thrown);
    const details = error.details ?? [];
    const unshown = details.filter((detail) => !fields.includes(topLevelField(detail.field)));
    setFieldErrors(fieldErrorsFrom(details));
    if (details.length === 0) {
      // The gateway gives every error a code (its status's when nothing finer); a request that got
      // no answer has none, and keeps its own message.
      const code = error.code;
      setFormError((code && (messages[code] ?? DEFAULT_MESSAGES[code])) ?? error.message);
    } else if (unshown.length > 0) {
      setFormError(unshown.map((detail) => `${detail.field}: ${problemSentence(detail.problem)}`).join(' '));
    } else {
      setFormError('Please correct the highlighted fields.');
    }
  };

  const clearErrors = () => {
    setFieldErrors({});
    setFormError(null);
  };

  return { fieldErrors, formError, showError, clearErrors };
}

function topLevelField(field: string): string {
  return field.split(/[.[]/)[0] ?? field;
}
