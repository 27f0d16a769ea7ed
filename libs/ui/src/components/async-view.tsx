import type { ReactNode } from 'react';
import type { AsyncState } from '../hooks/use-async';
import { ErrorState } from './error-state';
import { Loading } from './loading';

export interface AsyncViewProps<T> {
  state: AsyncState<T>;
  /** Shown while the first answer is on its way (later reloads keep the loaded content on screen). */
  loadingLabel: string;
  /** Heading of the error, which offers a "Try again" button. */
  errorTitle: string;
  /** The loaded content; not shown while the last load has failed. */
  children(data: T): ReactNode;
}

/** What a page shows for data it loads with `useAsync`: a spinner, the error with a retry, or the content. */
export function AsyncView<T>({ state, loadingLabel, errorTitle, children }: AsyncViewProps<T>) {
  return (
    <>
      {state.loading && state.data === undefined && <Loading label={loadingLabel} />}
      {state.error && <ErrorState title={errorTitle} message={state.error.message} onRetry={state.reload} />}
      {state.data !== undefined && !state.error && children(state.data)}
    </>
  );
}
