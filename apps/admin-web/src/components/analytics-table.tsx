import type { ReactNode } from 'react';
import {
  Button,
  FormError,
  TableRegion,
  saveFile,
  useAction,
  useT,
  type AnalyticsTable as TableName,
} from '@arogyam/ui';
import { api } from '../session';

export interface Column<Row> {
  /** The column's heading, in English; translated here. */
  label: string;
  cell(row: Row): ReactNode;
}

interface AnalyticsTableProps<Row> {
  table: TableName;
  /** Translated by the caller. */
  title: string;
  columns: Column<Row>[];
  rows: Row[];
  /** The report's query (dates and zone), for the CSV of the same figures. */
  query: Record<string, string>;
}

/** One table of the report, with a "Download CSV" of the same rows (the gateway writes the file). */
export function AnalyticsTable<Row>({ table, title, columns, rows, query }: AnalyticsTableProps<Row>) {
  const t = useT();
  const download = useAction();
  return (
    <section className="analytics-table">
      <div className="section-heading">
        <h2>{title}</h2>
        <Button
          variant="secondary"
          busy={download.busy}
          aria-label={t('Download CSV: {{table}}', { table: title })}
          onClick={() =>
            download.run(async () =>
              saveFile(
                await api.download('/admin/analytics/export.csv', `analytics-${table}.csv`, {
                  query: { ...query, table },
                }),
              ),
            )
          }
        >
          {t('Download CSV')}
        </Button>
      </div>
      <FormError message={download.error?.message} />
      {rows.length === 0 ? (
        <p className="muted">{t('Nothing in this range.')}</p>
      ) : (
        <TableRegion label={title}>
          <table>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column.label} scope="col">
                    {t(column.label)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {/* Rows of one answer, never reordered in place: their position is their key. */}
              {rows.map((row, index) => (
                <tr key={index}>
                  {columns.map((column) => (
                    <td key={column.label}>{column.cell(row)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
