import type { ApiClient } from '../api/api-client';
import type { AuthResult } from '../api/types';
import { ACCOUNT_FIELDS, AccountFields, readCredentials } from './account-fields';
import { AuthForm } from './auth-form';

const MESSAGES = { 401: 'Email or password is incorrect.' };

export interface LoginFormProps {
  api: ApiClient;
  /** The role's login endpoint, e.g. `/patients/login`. */
  path: string;
  /** By default the app's home page replaces the login page in the history. */
  onLoggedIn?(result: AuthResult): void;
}

/** Email + password form shared by the three apps; each posts to its own role's login endpoint. */
export function LoginForm({ api, path, onLoggedIn }: LoginFormProps) {
  return (
    <AuthForm
      api={api}
      path={path}
      fields={ACCOUNT_FIELDS}
      messages={MESSAGES}
      read={readCredentials}
      submitLabel="Log in"
      onSignedIn={onLoggedIn}
    >
      {(errors) => <AccountFields errors={errors} />}
    </AuthForm>
  );
}
