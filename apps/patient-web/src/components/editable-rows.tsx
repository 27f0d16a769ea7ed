import { useState } from 'react';
import { useT, Button, SelectField, TextField, type SelectOption } from '@arogyam/ui';
import type { RowDraft } from '../medical-profile-draft';

export interface RowColumn<F extends string> {
  name: F;
  label: string;
  /** A select of these options instead of a text field. */
  options?: readonly SelectOption[];
  hint?: string;
}

interface EditableRowsProps<F extends string> {
  /** The list's name in the request: the fields are named `<list>.<row>.<column>`. */
  list: string;
  legend: string;
  /** What one row is, for its legend and its Remove button: "Allergy" → "Allergy 2". */
  itemLabel: string;
  addLabel: string;
  emptyText: string;
  columns: readonly RowColumn<F>[];
  rows: RowDraft<F>[];
  make(): RowDraft<F>;
  onChange(rows: RowDraft<F>[]): void;
  /** The server's problem with a row's column, or (column left out) with the row as a whole. */
  errorOf(index: number, column?: F): string | undefined;
  /** A problem with the list as such (too many entries, an entry too long). */
  listProblem?: string;
}

/** A list the patient keeps by hand: rows of fields, each removable, and a button to add one. */
export function EditableRows<F extends string>(props: EditableRowsProps<F>) {
  const t = useT();
  const { list, legend, itemLabel, addLabel, emptyText, columns, rows, make, onChange, errorOf } = props;
  // The row just added takes the focus, so keyboard and screen reader users land in it.
  const [addedKey, setAddedKey] = useState<number | null>(null);
  const add = () => {
    const row = make();
    setAddedKey(row.key);
    onChange([...rows, row]);
  };
  return (
    <fieldset className="editable-rows">
      <legend>{t(legend)}</legend>
      {props.listProblem && <p className="field-error">{props.listProblem}</p>}
      {rows.length === 0 && <p className="muted">{t(emptyText)}</p>}
      {rows.map((row, index) => {
        const rowError = errorOf(index);
        const change = (name: F, value: string) =>
          onChange(rows.map((other) => (other.key === row.key ? { ...other, [name]: value } : other)));
        return (
          <fieldset key={row.key} className="medicine-row">
            <legend>
              {t(itemLabel)} {index + 1}
            </legend>
            <div className="medicine-fields">
              {columns.map(({ name, label, options, hint }, column) => {
                const common = {
                  label,
                  hint,
                  name: `${list}.${index}.${name}`,
                  value: row[name],
                  error: errorOf(index, name),
                  autoFocus: row.key === addedKey && column === 0,
                };
                return options ? (
                  <SelectField
                    key={name}
                    {...common}
                    options={options}
                    onChange={(event) => change(name, event.target.value)}
                  />
                ) : (
                  <TextField key={name} {...common} onChange={(event) => change(name, event.target.value)} />
                );
              })}
              <Button
                variant="quiet"
                aria-label={`${t('Remove')} ${t(itemLabel).toLowerCase()} ${index + 1}`}
                onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
              >
                {t('Remove')}
              </Button>
            </div>
            {rowError && <p className="field-error">{rowError}</p>}
          </fieldset>
        );
      })}
      <Button variant="secondary" className="add-row" onClick={add}>
        {t(addLabel)}
      </Button>
    </fieldset>
  );
}
