import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { ApiClient } from '../api/api-client';
import { toApiError } from '../api/api-error';
import { Button } from '../components/button';
import { FormError } from '../components/form-error';
import { Loading } from '../components/loading';
import { useSubmit } from '../hooks/use-submit';
import { NEW_PASSWORD_FIELDS, NewPasswordFields, readNewPassword } from './new-password-fields';
import { useT } from '../i18n/use-t';

/** What the login page says after a reset (LoginForm reads it from the navigation's state). */
export const PASSWORD_RESET_DONE = 'Your password has been changed. Log in with your new password.';

export interface ResetPasswordPageProps {
  api: ApiClient;
  appName: string;
}

type LinkState = { kind: 'checking' } | { kind: 'open' } | { kind: 'refused'; message: string };

/**
 * The page an emailed link opens (`/reset-password?token=…`). The token leaves the address bar at
 * once (kept in memory), so it is not left in the history or sent on as a Referer. The link is
 * checked first, so an expired or used one is refused before anything is typed.
 */
export function ResetPasswordPage({ api, appName }: ResetPasswordPageProps) {
  const t = useT();
  const [params] = useSearchParams();
  const [token] = useState(() => params.get('token') ?? '');
  const [link, setLink] = useState<LinkState>({ kind: 'checking' });
  const navigate = useNavigate();
  const { busy, fieldErrors, formError, handleSubmit } = useSubmit(NEW_PASSWORD_FIELDS);

  useEffect(() => {
    window.history.replaceState(window.history.state, '', window.location.pathname);
    if (!token) {
      setLink({
        kind: 'refused',
        message: 'This link is incomplete. Please open the link from the email again.',
      });
      return undefined;
    }
    const controller = new AbortController();
    api.post('/auth/password-reset/check', { token }, { anonymous: true, signal: controller.signal }).then(
      () => setLink({ kind: 'open' }),
      (thrown: unknown) => {
        if (!controller.signal.aborted) setLink({ kind: 'refused', message: toApiError(thrown).message });
      },
    );
    return () => controller.abort();
  }, [api, token]);

  const submit = handleSubmit(async (data) => {
    const newPassword = readNewPassword(data);
    try {
      await api.post('/auth/password-reset/complete', { token, newPassword }, { anonymous: true });
    } catch (thrown) {
      const error = toApiError(thrown);
      // Used or expired meanwhile (another tab): the link is dead, not the password wrong.
      if (error.statusCode === 400 && !error.details) setLink({ kind: 'refused', message: error.message });
      throw error;
    }
    navigate('/login', { replace: true, state: { notice: PASSWORD_RESET_DONE } });
  });

  return (
    <section className="card narrow">
      <title>{`${t('Choose a new password')} · ${appName}`}</title>
      <h1>{t('Choose a new password')}</h1>
      {link.kind === 'checking' && <Loading label={t('Checking your link…')} />}
      {link.kind === 'refused' && (
        <>
          <div role="alert" className="form-error">
            {link.message}
          </div>
          <p>
            <Link to="/forgot-password">{t('Ask for a new link')}</Link>
          </p>
        </>
      )}
      {link.kind === 'open' && (
        <form onSubmit={submit} noValidate>
          <FormError message={formError} />
          <NewPasswordFields errors={fieldErrors} />
          <div className="form-actions">
            <Button type="submit" busy={busy}>
              {t('Set new password')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
