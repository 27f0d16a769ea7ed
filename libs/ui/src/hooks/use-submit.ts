import { useState, type FormEvent } from 'react';
import { useFormErrors, type FieldErrors, type StatusMessages } from './use-form-errors';

export interface Submission {
  busy: boolean;
  fieldErrors: FieldErrors;
  formError: string | null;
  /** Wraps a form's action: prevents the page reload, blocks double submits, shows what failed. */
  handleSubmit(
    action: (data: FormData) => Promise<void>,
  ): (event: FormEvent<HTMLFormElement>) => Promise<void>;
}

export function useSubmit(fields: readonly string[], messages?: StatusMessages): Submission {
  const [busy, setBusy] = useState(false);
  const { fieldErrors, formError, showError, clearErrors } = useFormErrors(fields, messages);

  const handleSubmit =
    (action: (data: FormData) => Promise<void>) => async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (busy) return;
      const data = new FormData(event.currentTarget);
      setBusy(true);
      clearErrors();
      try {
        await action(data);
      } catch (thrown) {
        showError(thrown);
      } finally {
        setBusy(false);
      }
    };

  return { busy, fieldErrors, formError, handleSubmit };
}
