import type { InputHTMLAttributes } from 'react';
import { useT } from '../i18n/use-t';
import { FieldShell, type FieldProps } from './field';

export interface TextFieldProps extends FieldProps, Omit<InputHTMLAttributes<HTMLInputElement>, 'children'> {
  name: string;
}

export function TextField({ label, hint, error, id, type = 'text', placeholder, ...input }: TextFieldProps) {
  const t = useT();
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      {(control) => <input {...input} {...control} type={type} placeholder={placeholder && t(placeholder)} />}
    </FieldShell>
  );
}
