import type { ReactNode } from 'react';
import type { Page } from '../api/types';
import type { AsyncState } from '../hooks/use-async';
import { AsyncView } from './async-view';
import { Pagination } from './pagination';

export interface PagedViewProps<T> {
  state: AsyncState<Page<T>>;
  loadingLabel: string;
  errorTitle: string;
  /** Shown when the page loaded with no rows, usually an <EmptyState>. */
  empty: ReactNode;
  onPageChange(page: number): void;
  /** The rows of the loaded page (a list or a table); pagination follows them. */
  children(items: T[], page: Page<T>): ReactNode;
}

/** A paged list's states: spinner, error with retry, empty, or the rows with Previous / Next. */
export function PagedView<T>({
  state,
  loadingLabel,
  errorTitle,
  empty,
  onPageChange,
  children,
}: PagedViewProps<T>) {
  return (
    <AsyncView state={state} loadingLabel={loadingLabel} errorTitle={errorTitle}>
      {(page) =>
        page.items.length === 0 ? (
          empty
        ) : (
          <>
            {children(page.items, page)}
            <Pagination of={page} onPageChange={onPageChange} />
          </>
        )
      }
    </AsyncView>
  );
}
