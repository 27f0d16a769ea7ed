import type { InputHTMLAttributes } from 'react';
import { FieldShell, type FieldProps } from './field';

export interface TextFieldProps extends FieldProps, Omit<InputHTMLAttributes<HTMLInputElement>, 'children'> {
  name: string;
}

export function TextField({ label, hint, error, id, type = 'text', ...input }: TextFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      {(control) => <input {...input} {...control} type={type} />}
    </FieldShell>
  );
}
