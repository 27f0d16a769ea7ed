import { Link, useLocation } from 'react-router-dom';
import type { ApiClient } from '../api/api-client';
import type { AuthResult } from '../api/types';
import { ACCOUNT_FIELDS, AccountFields, readCredentials } from './account-fields';
import { StatusMessage } from '../components/status-message';
import { AuthForm } from './auth-form';
import { useT } from '../i18n/use-t';

const MESSAGES = { not_signed_in: 'Email or password is incorrect.' };

export interface LoginFormProps {
  api: ApiClient;
  /** The role's login endpoint, e.g. `/patients/login`. */
  path: string;
  /** By default the app's home page replaces the login page in the history. */
  onLoggedIn?(result: AuthResult): void;
}

/** A page that sends the person here with something to say (a password reset) puts it in the state. */
const noticeOf = (state: unknown): string =>
  typeof (state as { notice?: unknown } | null)?.notice === 'string'
    ? (state as { notice: string }).notice
    : '';

/**
 * Email + password form shared by the three apps; each posts to its own role's login endpoint.
 * "Forgot password?" leads to the app's own `/forgot-password` page.
 */
export function LoginForm({ api, path, onLoggedIn }: LoginFormProps) {
  const t = useT();
  const location = useLocation();
  return (
    <>
      <StatusMessage message={noticeOf(location.state)} />
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
      <p className="muted">
        <Link to="/forgot-password">{t('Forgot password?')}</Link>
      </p>
    </>
  );
}
