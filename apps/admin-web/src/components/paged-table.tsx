import type { ReactNode } from 'react';
import { PagedView, type PagedViewProps } from '@arogyam/ui';
import { DataTable } from './data-table';

export interface PagedTableProps<T> extends Omit<PagedViewProps<T>, 'children'> {
  /** The table's name, translated by the caller. */
  label: string;
  /** The hidden caption's start; it ends with how many there are in all (", 12 in total"). */
  caption: ReactNode;
  /** Column headings, translated by the caller. */
  headings: string[];
  /** The loaded page's rows (`<tr>`, each keyed). */
  children(items: T[]): ReactNode;
}

/** A page of a long list as a table: spinner, error with retry, empty, or the rows with Previous / Next. */
export function PagedTable<T>({ label, caption, headings, children, ...view }: PagedTableProps<T>) {
  return (
    <PagedView {...view}>
      {(items, found) => (
        <DataTable
          label={label}
          caption={
            <>
              {caption}, {found.total}
              {found.totalIsLowerBound ? '+' : ''} in total
            </>
          }
          headings={headings}
          busy={view.state.loading}
        >
          {children(items)}
        </DataTable>
      )}
    </PagedView>
  );
}
