import { useRef, useState } from 'react';
import type { ApiClient } from '../api/api-client';
import type { AuthResult } from '../api/types';
import { Button } from '../components/button';
import { FormError } from '../components/form-error';
import { StatusMessage } from '../components/status-message';
import { PasswordField } from './password-field';
import { rawText } from '../forms/form-values';
import { useSubmit } from '../hooks/use-submit';
import { NEW_PASSWORD_FIELDS, NewPasswordFields, readNewPassword } from './new-password-fields';
import { useSession } from './session-context';
import { useT } from '../i18n/use-t';

const FIELDS = ['currentPassword', ...NEW_PASSWORD_FIELDS] as const;

/**
 * The signed-in person's password change, on their profile page. The gateway ends every session
 * of the account and answers a new one for this tab, which takes its place.
 */
export function ChangePasswordForm({ api }: { api: ApiClient }) {
  const t = useT();
  const session = useSession();
  const [done, setDone] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const { busy, fieldErrors, formError, handleSubmit } = useSubmit(FIELDS);

  const submit = handleSubmit(async (data) => {
    setDone('');
    const result = await api.post<AuthResult>('/auth/password', {
      currentPassword: rawText(data, 'currentPassword'),
      newPassword: readNewPassword(data),
    });
    session.login(result);
    formRef.current?.reset();
    setDone('Your password has been changed. Other devices were signed out.');
  });

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="change-password-heading">
      <h2 id="change-password-heading">{t('Change password')}</h2>
      <FormError message={formError} />
      <PasswordField
        label={t('Current password')}
        name="currentPassword"
        purpose="current"
        error={fieldErrors.currentPassword}
      />
      <NewPasswordFields errors={fieldErrors} />
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {t('Change password')}
        </Button>
      </div>
      <StatusMessage message={done} />
    </form>
  );
}
