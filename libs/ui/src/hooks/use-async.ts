import { useEffect, useState, type DependencyList, type Dispatch, type SetStateAction } from 'react';
import { toApiError, type ApiError } from '../api/api-error';

export interface AsyncState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Loads again (after a retry click or a change the list should reflect). */
  reload(): void;
  /** Adjusts the loaded data locally, e.g. drop a row the server just accepted an action on. */
  setData: Dispatch<SetStateAction<T | undefined>>;
}

/**
 * Runs `load` when `deps` change and tracks loading / error / data. Earlier requests are aborted, so a
 * slow answer to an old search never overwrites a newer one. Data is kept while reloading.
 */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): AsyncState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    load(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setData(value);
        setLoading(false);
      },
      (thrown: unknown) => {
        if (controller.signal.aborted) return;
        setError(toApiError(thrown));
        setLoading(false);
      },
    );
    return () => controller.abort();
    // `load` is a fresh closure on every render; the caller's `deps` say when it really changed.
  }, [...deps, attempt]);

  return { data, error, loading, reload: () => setAttempt((n) => n + 1), setData };
}
