import { TextField, type TextFieldProps } from '../components/text-field';

export interface PasswordFieldProps extends Omit<TextFieldProps, 'type' | 'required' | 'autoComplete'> {
  /** A password being chosen, or the one the person has: what the browser's password manager offers. */
  purpose: 'new' | 'current';
}

/** A required password input, named for the browser's password manager. */
export function PasswordField({ purpose, ...field }: PasswordFieldProps) {
  return (
    <TextField
      {...field}
      type="password"
      autoComplete={purpose === 'new' ? 'new-password' : 'current-password'}
      required
    />
  );
}
