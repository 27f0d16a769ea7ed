import type { Credentials } from '../api/types';
import { TextField } from '../components/text-field';
import { rawText } from '../forms/form-values';
import type { FieldErrors } from '../hooks/use-form-errors';
import { useT } from '../i18n/use-t';
import { PasswordField } from './password-field';

/** Names of the account fields (also the API's names). */
export const ACCOUNT_FIELDS = ['email', 'password'] as const;

export interface AccountFieldsProps {
  errors: FieldErrors;
  /** Registration: a password being chosen, with its rule shown. Otherwise the saved one (login). */
  newPassword?: boolean;
}

/** Email and password, as every app's login and the patient and doctor registrations ask for them. */
export function AccountFields({ errors, newPassword = false }: AccountFieldsProps) {
  const t = useT();
  return (
    <>
      <EmailField error={errors.email} />
      <PasswordField
        label={t('Password')}
        name="password"
        purpose={newPassword ? 'new' : 'current'}
        minLength={newPassword ? 8 : undefined}
        hint={newPassword ? 'At least 8 characters.' : undefined}
        error={errors.password}
      />
    </>
  );
}

/** The account's email, as sign-in, registration and a forgotten password ask for it. */
export function EmailField({ error }: { error?: string }) {
  const t = useT();
  return (
    <TextField label={t('Email')} name="email" type="email" autoComplete="email" required error={error} />
  );
}

/** The email as typed but trimmed, and the password exactly as typed. */
export function readCredentials(data: FormData): Credentials {
  return { email: rawText(data, 'email').trim(), password: rawText(data, 'password') };
}

export interface FullNameFieldProps {
  error?: string;
  /** The current name when editing a profile. */
  defaultValue?: string;
}

/** The person's name, asked at registration and editable on the profile. */
export function FullNameField({ error, defaultValue }: FullNameFieldProps) {
  const t = useT();
  return (
    <TextField
      label={t('Full name')}
      name="fullName"
      autoComplete="name"
      required
      defaultValue={defaultValue}
      error={error}
    />
  );
}
