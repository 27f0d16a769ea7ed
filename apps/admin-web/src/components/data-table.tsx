import type { ReactNode } from 'react';
import { TableRegion } from '@arogyam/ui';

export interface DataTableProps {
  /** The table's name, translated by the caller: the label of its keyboard-scrollable region. */
  label: string;
  /** Read to screen readers before the table (hidden on screen). */
  caption: ReactNode;
  /** Column headings, translated by the caller, each a `scope="col"` header. */
  headings: string[];
  /** Set while a newer answer is loading over the rows shown. */
  busy?: boolean;
  /** The rows (`<tr>`, each keyed; a row's naming cell a `<th scope="row">`). */
  children: ReactNode;
}

/** An admin table: a scrollable, focusable region with a hidden caption and column headers. */
export function DataTable({ label, caption, headings, busy, children }: DataTableProps) {
  return (
    <TableRegion label={label}>
      <table aria-busy={busy || undefined}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {headings.map((heading) => (
              <th key={heading} scope="col">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableRegion>
  );
}
