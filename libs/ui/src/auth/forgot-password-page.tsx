import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { ApiClient } from '../api/api-client';
import { Button } from '../components/button';
import { FormError } from '../components/form-error';
import { StatusMessage } from '../components/status-message';
import { EmailField } from './account-fields';
import { rawText } from '../forms/form-values';
import { useSubmit } from '../hooks/use-submit';
import { useT } from '../i18n/use-t';

const FIELDS = ['email'] as const;

/** What the gateway answers for every address, known or not (docs/api.md). */
interface ResetRequested {
  message: string;
}

export interface ForgotPasswordPageProps {
  api: ApiClient;
  /** The app's name in the page title: `Arogyam`, `Arogyam for Doctors`. */
  appName: string;
}

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage({ api, appName }: ForgotPasswordPageProps) {
  const t = useT();
  const [sent, setSent] = useState('');
  const { busy, fieldErrors, formError, handleSubmit } = useSubmit(FIELDS, {
    too_many_requests: 'Too many requests for a reset link. Please wait and try again later.',
  });

  const submit = handleSubmit(async (data) => {
    setSent('');
    const answer = await api.post<ResetRequested>(
      '/auth/password-reset',
      { email: rawText(data, 'email').trim() },
      { anonymous: true },
    );
    setSent(answer.message);
  });

  return (
    <section className="card narrow">
      <title>{`${t('Forgot password')} · ${appName}`}</title>
      <h1>{t('Forgot your password?')}</h1>
      <p className="page-intro">
        {t("Enter your account's email and we will send you a link to choose a new password.")}
      </p>
      <form onSubmit={submit} noValidate>
        <FormError message={formError} />
        <EmailField error={fieldErrors.email} />
        <div className="form-actions">
          <Button type="submit" busy={busy}>
            {t('Send reset link')}
          </Button>
        </div>
      </form>
      <StatusMessage message={sent} />
      <p className="muted">
        <Link to="/login">{t('Back to log in')}</Link>
      </p>
    </section>
  );
}
