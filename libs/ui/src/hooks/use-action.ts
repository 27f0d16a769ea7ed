import { useState } from 'react';
import { toApiError, type ApiError } from '../api/api-error';

export interface Action {
  busy: boolean;
  /** What the last run failed with, for a FormError; cleared when the next run starts. */
  error: ApiError | null;
  /** Runs one request at a time; resolves with the failure (already shown via `error`), if any. */
  run(task: () => Promise<void>): Promise<ApiError | undefined>;
  clearError(): void;
}

/** Busy and error state of a button's action (book, cancel, check in, download). */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const run = async (task: () => Promise<void>) => {
    if (busy) return undefined;
    setBusy(true);
    setError(null);
    try {
      await task();
      return undefined;
    } catch (thrown) {
      const failure = toApiError(thrown);
      setError(failure);
      return failure;
    } finally {
      setBusy(false);
    }
  };

  return { busy, error, run, clearError: () => setError(null) };
}
