import type { TextareaHTMLAttributes } from 'react';
import { FieldShell, type FieldProps } from './field';

export interface TextAreaFieldProps
  extends FieldProps, Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'children'> {
  name: string;
}

export function TextAreaField({ label, hint, error, id, rows = 4, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      {(control) => <textarea {...textarea} {...control} rows={rows} />}
    </FieldShell>
  );
}
