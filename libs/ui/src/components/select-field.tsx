import type { SelectHTMLAttributes } from 'react';
import { FieldShell, type FieldProps } from './field';
import { useT } from '../i18n/use-t';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps
  extends FieldProps, Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'> {
  name: string;
  options: readonly SelectOption[];
}

export function SelectField({ label, hint, error, id, options, ...select }: SelectFieldProps) {
  const t = useT();
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <select {...select} {...control}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {t(option.label)}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
